# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from urllib.parse import quote

from PIL import Image

from odoo.tests import tagged

from .common import B2bPortalHttpCommon, B2bPortalQueryCountMixin

MAX_QUERIES = 40


def _png(color):
    output = io.BytesIO()
    Image.new("RGB", (32, 32), color).save(output, format="PNG")
    return base64.b64encode(output.getvalue())


@tagged("post_install", "-at_install")
class TestCatalogue(B2bPortalQueryCountMixin, B2bPortalHttpCommon):
    """The catalogue: images, filters, list and net prices, every break with
    its scope, availability, and add to order into the quick order rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cap.image_1920 = _png("red")
        # breaks of every scope on the Silver pricelist
        cls._rule(cls.pl_silver, cls.categ_caps, 40.0, min_qty=20, scope="category")
        cls._rule(cls.pl_silver, cls.mug, 15.0, min_qty=100, scope="order")
        # storable, without stock and without lead time
        cls.bottle = cls._create_product(
            "B2B Bottle", 8.0, cls.categ_other, "B2B-BOTTLE", is_storable=True
        )
        cls.bottle.product_tmpl_id.taxes_id = False
        cls.shirt_blue_value = cls.shirt_blue.product_template_attribute_value_ids[
            :1
        ].product_attribute_value_id

    def _card(self, html, product):
        """The HTML of the catalogue card of ``product``."""
        for chunk in html.split('name="b2b_catalogue_product"')[1:]:
            if chunk.startswith(f' id="b2b_product_{product.id}"'):
                return chunk
        self.fail(f"no card of {product.display_name}")

    # Images -----------------------------------------------------------
    def test_image_served_to_dealer_users_for_orderable_products(self):
        self.authenticate("pa_approver", "pa_approver")
        html = self.url_open("/my/b2b/catalogue?search=B2B-CAP").text
        self.assertIn(f"/my/b2b/catalogue/image?product={self.cap.id}", html)
        response = self.url_open(
            f"/my/b2b/catalogue/image?product={self.cap.id}&size=128"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "image/png")
        image = Image.open(io.BytesIO(response.content)).convert("RGB")
        self.assertEqual(image.getpixel((0, 0)), (255, 0, 0))
        # Odoo's own image route is closed to portal users: the reason of ours
        response = self.url_open(f"/web/image/product.product/{self.cap.id}/image_128")
        self.assertNotEqual(
            response.content,
            self.url_open(
                f"/my/b2b/catalogue/image?product={self.cap.id}&size=128"
            ).content,
        )
        # a product without image: the placeholder
        response = self.url_open(f"/my/b2b/catalogue/image?product={self.mug.id}")
        self.assertEqual(response.status_code, 200)
        # not orderable (archived, not sold), missing, or not a dealer: 404
        for product_id in (self.old.id, self.service.id, 987654321):
            response = self.url_open(f"/my/b2b/catalogue/image?product={product_id}")
            self.assertEqual(response.status_code, 404, product_id)
        self.assertEqual(self.url_open("/my/b2b/catalogue/image").status_code, 404)
        self.authenticate("p_plain", "p_plain")
        response = self.url_open(f"/my/b2b/catalogue/image?product={self.cap.id}")
        self.assertEqual(response.status_code, 404)

    # Filters ----------------------------------------------------------
    def test_filters(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/b2b/catalogue").text
        # the facets offer the categories and attribute values of the catalogue
        self.assertIn(f'value="{self.categ_caps.id}"', html)
        self.assertIn(f'value="{self.shirt_blue_value.id}"', html)
        self.assertIn("In stock only", html)
        html = self.url_open(f"/my/b2b/catalogue?categ={self.categ_caps.id}").text
        self.assertIn("B2B-CAP", html)
        self.assertNotIn("B2B-MUG", html)
        self.assertNotIn("B2B-SHIRT-RED", html)
        # a parent category holds its children
        html = self.url_open(f"/my/b2b/catalogue?categ={self.categ_apparel.id}").text
        self.assertIn("B2B-CAP", html)
        self.assertIn("B2B-SHIRT-RED", html)
        self.assertNotIn("B2B-MUG", html)
        html = self.url_open(
            f"/my/b2b/catalogue?attrib={self.shirt_blue_value.id}"
        ).text
        self.assertIn("B2B-SHIRT-BLUE", html)
        self.assertNotIn("B2B-SHIRT-RED", html)
        self.assertNotIn("B2B-CAP", html)
        html = self.url_open("/my/b2b/catalogue?in_stock=1").text
        self.assertIn("B2B-CAP", html)
        self.assertNotIn("B2B-MUG", html)
        self.assertNotIn("B2B-BOTTLE", html)
        self.assertIn('id="b2b_catalogue_clear"', html)
        # with the search
        html = self.url_open(
            f"/my/b2b/catalogue?search=Shirt&categ={self.categ_caps.id}"
        ).text
        self.assertIn("No product matches your search.", html)
        # a category or value that does not exist is ignored
        html = self.url_open("/my/b2b/catalogue?categ=987654321&attrib=x").text
        self.assertIn("B2B-MUG", html)

    # Prices, breaks, availability -------------------------------------
    def test_list_and_net_prices_and_every_break(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/b2b/catalogue").text
        shirt = self._card(html, self.shirt_red)
        self.assertIn("Your price", shirt)
        self.assertIn("90.00", shirt)
        self.assertIn("List price", shirt)
        self.assertIn("<del", shirt)
        self.assertIn("100.00", shirt)
        self.assertIn("-10%", shirt)
        # a template break: counted over every variant
        self.assertIn("60.00", shirt)
        self.assertIn("Counted over: All variants of the product", shirt)
        # a category break
        cap = self._card(html, self.cap)
        self.assertIn("40.00", cap)
        self.assertIn("Counted over: All products of the category", cap)
        self.assertNotIn("<del", cap)  # no discount at 1: no struck price
        # an order-wide break
        mug = self._card(html, self.mug)
        self.assertIn("15.00", mug)
        self.assertIn("Counted over: Whole order", mug)

    def test_availability(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/b2b/catalogue").text
        # the dealer's warehouses (here every warehouse of the company), one
        # chip each: code and available quantity
        cap = self._card(html, self.cap)
        self.assertIn('name="b2b_warehouse"', cap)
        self.assertRegex(cap, r'data-code="WH"[^>]*data-state="in"')
        self.assertIn(">100<", cap)
        mug = self._card(html, self.mug)  # not tracked in stock, 12 days
        self.assertIn("Available on order", mug)
        self.assertIn("Lead time: 12 days", mug)
        self.assertNotIn('name="b2b_warehouse"', mug)
        bottle = self._card(html, self.bottle)  # tracked, none, no lead time
        self.assertIn("Out of stock in your warehouses", bottle)
        self.assertIn('name="b2b_notify_me"', bottle)
        self.assertNotIn("Lead time", bottle)
        self.assertNotIn("0 days", html)

    # Add to order -----------------------------------------------------
    def test_add_to_order_ends_in_the_quick_order(self):
        self.authenticate("pa_buyer", "pa_buyer")
        back = f"/my/b2b/catalogue?categ={self.categ_caps.id}"
        response = self._post(
            "/my/b2b/catalogue/add",
            {"product": self.cap.id, "qty": "3", "redirect": back},
        )
        self.assertIn(f"categ={self.categ_caps.id}", response.url)
        self.assertIn('id="b2b_catalogue_added"', response.text)
        self.assertIn("Added 3 × B2B Cap to your order", response.text)
        # the order rules apply at once
        self.assertIn("minimum order quantity is 5", response.text)
        response = self._post(
            "/my/b2b/catalogue/add", {"product": self.cap.id, "qty": "2"}
        )
        self.assertIn("Added 2 × B2B Cap to your order: 1 row(s)", response.text)
        self.assertIn("250.00", response.text)
        self._post("/my/b2b/catalogue/add", {"product": self.mug.id, "qty": "6"})
        # the message is shown once; the order in progress stays
        html = self.url_open("/my/b2b/catalogue").text
        self.assertNotIn('id="b2b_catalogue_added"', html)
        self.assertIn('id="b2b_catalogue_cart"', html)
        # the quick order page shows the rows, validated
        html = self.url_open("/my/b2b/quick_order").text
        self.assertIn('id="b2b_quick_order_valid"', html)
        self.assertIn('value="B2B-CAP"', html)
        self.assertIn('value="B2B-MUG"', html)
        self.assertIn("370.00", html)  # 5 x 50 + 6 x 20
        # and the draft order is created from them like any quick order
        response = self._post(
            "/my/b2b/quick_order/check",
            {
                "sku_0": "B2B-CAP",
                "qty_0": "5",
                "sku_1": "B2B-MUG",
                "qty_1": "6",
                "action": "create",
            },
        )
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.a_buyer.partner_id.id)], order="id desc", limit=1
        )
        self.assertIn(f"/my/orders/{order.id}", response.url)
        self.assertEqual(order.order_line.product_id, self.cap | self.mug)
        self.assertEqual(order.order_line.mapped("product_uom_qty"), [5.0, 6.0])
        self.assertNotIn(
            'id="b2b_catalogue_cart"', self.url_open("/my/b2b/catalogue").text
        )

    def test_add_to_order_refusals(self):
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(
            "/my/b2b/catalogue/add", {"product": self.cap.id, "qty": "abc"}
        )
        self.assertIn("the quantity abc is not a number", response.text)
        self.assertNotIn('id="b2b_catalogue_cart"', response.text)
        # a product the dealer may not order, or another site: refused
        for product in (self.old, self.service):
            response = self._post(
                "/my/b2b/catalogue/add", {"product": product.id, "qty": "1"}
            )
            self.assertEqual(response.status_code, 404)
        response = self._post(
            "/my/b2b/catalogue/add",
            {"product": self.mug.id, "qty": "6", "redirect": "https://evil.example/x"},
        )
        self.assertTrue(response.url.split("#")[0].endswith("/my/b2b/catalogue"))
        response = self._post(
            "/my/b2b/catalogue/add",
            {"product": self.mug.id, "qty": "6", "redirect": quote("//evil.example")},
        )
        self.assertNotIn("evil", response.url)
        # the catalogue shows no add to order to users who do not buy
        self.authenticate("pa_approver", "pa_approver")
        html = self.url_open("/my/b2b/catalogue").text
        self.assertNotIn('name="b2b_catalogue_add"', html)
        response = self._post(
            "/my/b2b/catalogue/add", {"product": self.cap.id, "qty": "5"}
        )
        self.assertIn(response.status_code, (403, 404))  # not for its role

    # Query budget -----------------------------------------------------
    def test_query_count_flat_with_filters(self):
        blue = self.shirt_blue_value.id
        urls = [
            "/my/b2b/catalogue",
            "/my/b2b/catalogue?in_stock=1",
            f"/my/b2b/catalogue?search=B2B&categ={self.categ_apparel.id}&attrib={blue}",
        ]
        small = {url: self._b2b_count_warm(url, "pa_buyer")[0] for url in urls}
        # 30 more products in stock, with a break each: more than a page
        stock = self.env.ref("stock.stock_location_stock")
        for index in range(30):
            product = self._create_product(
                f"B2B Hat {index}",
                10.0,
                self.categ_caps,
                f"B2B-ZHAT{index:02}",
                is_storable=True,
            )
            self._rule(self.pl_silver, product, 9.0, min_qty=10)
            self.env["stock.quant"]._update_available_quantity(product, stock, 5.0)
        large = {url: self._b2b_count_warm(url, "pa_buyer")[0] for url in urls}
        self.assertEqual(large, small)
        for url, count in small.items():
            self.assertLessEqual(count, MAX_QUERIES, url)
