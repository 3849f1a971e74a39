# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPortalQueryCountMixin

from .common import B2bPortalStockCommon

#: products on the large catalogue page (the portal's page size)
N_PRODUCTS = 20


@tagged("post_install", "-at_install")
class TestRegionalAvailability(B2bPortalQueryCountMixin, B2bPortalStockCommon):
    """With regional sourcing the portal shows the available to promise of
    the dealer's region's warehouses only, in the region's order; a dealer
    without region warehouses sees every warehouse of the company."""

    def _availability(self, user, products):
        dealer = user.partner_id.commercial_partner_id
        return (
            products.with_user(user)
            .sudo()
            ._b2b_portal_availability(dealer, self.env.company, user)
        )

    def test_region_warehouses_only(self):
        figures = self._availability(self.a_buyer, self.cap)[self.cap.id]
        self.assertEqual(
            [(w["code"], w["display"]) for w in figures["warehouses"]],
            [("BPE", "3"), ("BPW", "4")],
        )
        self.assertEqual(figures["available"], 7.0)
        # dealer B has no region: every warehouse of the company
        codes = [
            w["code"]
            for w in self._availability(self.b_buyer, self.cap)[self.cap.id][
                "warehouses"
            ]
        ]
        self.assertEqual(set(codes), {"WH", "BPE", "BPW"})

    def test_confirmed_orders_are_promised(self):
        # another customer's confirmed order from the South warehouse
        self._b2b_order(
            self.customer,
            [(self.cap, 1)],
            confirm=True,
            warehouse_id=self.wh_south.id,
        )
        # dealer A's own quotation does not count
        self._b2b_order(self.a_buyer.partner_id, [(self.cap, 9)])
        figures = self._availability(self.a_buyer, self.cap)[self.cap.id]
        self.assertEqual([w["available"] for w in figures["warehouses"]], [3.0, 3.0])

    def test_catalogue_page(self):
        count, html = self._b2b_count_warm(
            "/my/b2b/catalogue?search=B2B-CAP", "pa_buyer"
        )
        self.assertIn('data-code="BPE"', html)
        self.assertNotIn('data-code="WH"', html)
        self.assertLess(count, 60)

    def test_query_count_does_not_grow_with_products(self):
        """One product or a full page of products in stock in both
        warehouses: the same queries for the availability (the page's
        pricing and images aside, the rule is set-based)."""
        url = "/my/b2b/catalogue?search=B2B-ATP"
        self._create_product(
            "B2B ATP 0", 5.0, self.categ_other, "B2B-ATP-0", is_storable=True
        )
        small, html = self._b2b_count_warm(url, "pa_buyer")
        self.assertEqual(html.count('name="b2b_catalogue_product"'), 1)
        for n in range(1, N_PRODUCTS):
            product = self._create_product(
                f"B2B ATP {n}", 5.0, self.categ_other, f"B2B-ATP-{n}", is_storable=True
            )
            self._stock(product, self.wh_east, 5.0)
            self._stock(product, self.wh_south, 7.0)
        large, html = self._b2b_count_warm(url, "pa_buyer")
        self.assertEqual(html.count('name="b2b_catalogue_product"'), N_PRODUCTS)
        self.assertEqual(html.count('name="b2b_warehouse"'), 2 * (N_PRODUCTS - 1))
        self.assertEqual(large, small)
