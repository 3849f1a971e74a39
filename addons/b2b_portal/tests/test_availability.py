# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.b2b_stock.models.product_product import (
    ProductProduct as StockProduct,
)

from .common import B2bPortalHttpCommon


@tagged("post_install", "-at_install")
class TestPortalAvailability(B2bPortalHttpCommon):
    """Available to promise per warehouse of the dealer (the suite's rule,
    ``_b2b_dealer_availability``) on every page a buyer orders from: the
    catalogue, the quick order (typed, pasted or uploaded rows, reorder) and
    the saved lists; bands when the company chooses them; the next incoming
    when a product is out or low."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wh_main = cls.env.ref("stock.warehouse0")
        cls.wh_second = cls.env["stock.warehouse"].create(
            {"name": "B2B Portal Second", "code": "BPS"}
        )
        cls.shirt_red.is_storable = True
        # the cap: 100 in the main warehouse (common), 4 in the second one
        cls.env["stock.quant"]._update_available_quantity(
            cls.cap, cls.wh_second.lot_stock_id, 4.0
        )
        # the red shirt: nothing on hand, 30 expected in the second
        # warehouse in 5 days
        cls.incoming_day = fields.Date.today() + datetime.timedelta(days=5)
        move = cls.env["stock.move"].create(
            {
                "name": "B2B incoming shirts",
                "product_id": cls.shirt_red.id,
                "product_uom_qty": 30.0,
                "product_uom": cls.shirt_red.uom_id.id,
                "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": cls.wh_second.lot_stock_id.id,
                "picking_type_id": cls.wh_second.in_type_id.id,
                "date": datetime.datetime.combine(
                    cls.incoming_day, datetime.time(10, 0)
                ),
            }
        )
        move._action_confirm()

    def _chips(self, html):
        return html.count('name="b2b_warehouse"')

    def test_catalogue_per_warehouse(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/b2b/catalogue?search=B2B-CAP").text
        # both warehouses of the company, in order, with their figures
        self.assertEqual(self._chips(html), 2)
        self.assertRegex(html, r'data-code="WH" data-state="in"')
        self.assertRegex(html, r'data-code="BPS" data-state="low"')
        self.assertIn(">4<", html)
        shirt = self.url_open("/my/b2b/catalogue?search=B2B-SHIRT-RED").text
        self.assertIn("Out of stock in your warehouses", shirt)
        day = self.incoming_day.strftime("%m/%d/%Y")
        self.assertIn(f"Next: 30 on {day}", shirt)
        self.assertIn('name="b2b_notify_me"', shirt)

    def test_catalogue_bands(self):
        self.env.company.b2b_stock_display = "bands"
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/b2b/catalogue?search=B2B-CAP").text
        self.assertIn("≥ 100", html)
        self.assertIn("Low stock", html)
        self.assertNotIn(">4<", html)
        shirt = self.url_open("/my/b2b/catalogue?search=B2B-SHIRT-RED").text
        # a band tells no incoming quantity, only the day
        self.assertIn("Expected on", shirt)
        self.assertNotIn("Next: 30", shirt)

    def test_the_rule_is_the_one_source(self):
        """The pages ask the suite's rule, with the buyer's dealer: no
        figure of their own."""
        calls = []
        original = StockProduct._b2b_dealer_availability

        def spy(products, dealer, company, exclude_order=None):
            calls.append((set(products.ids), dealer, company))
            return original(products, dealer, company, exclude_order=exclude_order)

        self.authenticate("pa_buyer", "pa_buyer")
        with patch.object(StockProduct, "_b2b_dealer_availability", spy):
            self.url_open("/my/b2b/catalogue?search=B2B-CAP")
            self._post(
                "/my/b2b/quick_order/check",
                {"action": "check", "paste": "B2B-CAP\t5\nB2B-MUG\t6"},
            )
        self.assertEqual(len(calls), 2)
        for _product_ids, dealer, company in calls:
            self.assertEqual(dealer, self.dealer_a)
            self.assertEqual(company, self.env.company)
        self.assertEqual(calls[1][0], {self.cap.id, self.mug.id})

    def test_quick_order_rows(self):
        self.authenticate("pa_buyer", "pa_buyer")
        # pasted rows (a CSV upload renders the same preview)
        html = self._post(
            "/my/b2b/quick_order/check",
            {"action": "check", "paste": "B2B-CAP\t5\nB2B-SHIRT-RED\t2\nB2B-MUG\t6"},
        ).text
        self.assertEqual(self._chips(html), 2)  # the cap's two warehouses
        self.assertIn("Out of stock in your warehouses", html)  # the shirt
        self.assertIn("Available on order", html)  # the mug
        self.assertIn(
            'formaction="/my/b2b/stock_alerts/subscribe?redirect=/my/b2b/quick_order"',
            html,
        )
        # rows as they are typed (JSON): the same answer
        result = self.make_jsonrpc_request(
            "/my/b2b/quick_order/price",
            {"rows": [{"key": 1, "sku": "B2B-CAP", "qty": "5"}]},
        )
        availability = result["rows"]["1"]["availability"]
        self.assertEqual(availability["state"], "in")
        self.assertEqual(
            [(w["code"], w["state"]) for w in availability["warehouses"]],
            [("WH", "in"), ("BPS", "low")],
        )
        lookup = self.make_jsonrpc_request(
            "/my/b2b/quick_order/lookup", {"sku": "B2B-SHIRT-RED", "qty": "1"}
        )
        self.assertEqual(lookup["availability"]["state"], "out")
        self.assertTrue(lookup["availability"]["incoming"])
        self.assertFalse(lookup["availability"]["subscribed"])

    def test_reorder_and_saved_list(self):
        past = self._b2b_order(self.a_buyer.partner_id, [(self.cap, 5)])
        past.message_subscribe(partner_ids=self.a_buyer.partner_id.ids)
        past.action_confirm()
        order_list = (
            self.env["b2b.order.list"]
            .with_user(self.a_buyer)
            ._b2b_create_from_lines("Weekly", [(self.cap, 5), (self.shirt_red, 2)])
        )
        self.authenticate("pa_buyer", "pa_buyer")
        html = self._post(f"/my/b2b/orders/{past.id}/reorder").text
        self.assertIn('name="b2b_quick_order_row"', html)
        self.assertEqual(self._chips(html), 2)
        html = self.url_open(f"/my/b2b/lists/{order_list.id}").text
        self.assertEqual(self._chips(html), 2)
        self.assertIn("Out of stock in your warehouses", html)

    def test_query_count_does_not_grow_with_products(self):
        """The availability of a page of rows costs the rule's fixed number
        of queries (and one for the user's stock alerts), for 1 or 20
        products in 2 warehouses."""
        products = self.cap
        for n in range(19):
            product = self._create_product(
                f"B2B Many {n}",
                5.0,
                self.categ_other,
                f"B2B-MANY-{n}",
                is_storable=True,
            )
            self.env["stock.quant"]._update_available_quantity(
                product, self.wh_second.lot_stock_id, 3.0
            )
            products |= product

        def count(records):
            records = records.with_user(self.a_buyer).sudo()
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            result = records._b2b_portal_availability(
                self.dealer_a, self.env.company, self.a_buyer
            )
            self.assertEqual(len(result), len(records))
            return self.cr.sql_log_count - start

        count(self.cap)  # warm the registry caches (precision, region lists)
        one = count(self.cap)
        self.assertEqual(count(products), one)
        self.assertLessEqual(one, 10)
