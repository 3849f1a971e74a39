# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bPortalHttpCommon


class B2bCatalogueToursMixin:
    """The buyer's flows from the catalogue, the quick order as typed and a
    saved list, in Chromium (desktop; 375 px phone in the subclass)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a category break, for the catalogue card to show its scope
        cls._rule(cls.pl_silver, cls.categ_caps, 40.0, min_qty=20, scope="category")

    def _orders_of_buyer(self):
        return self.env["sale.order"].search(
            [("partner_id", "=", self.a_buyer.partner_id.id)], order="id"
        )

    def test_catalogue_add_to_order(self):
        before = self._orders_of_buyer()
        self.start_tour(
            "/my/b2b/catalogue", "b2b_catalogue_add_to_order", login="pa_buyer"
        )
        order = self._orders_of_buyer() - before
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.order_line.product_id, self.cap | self.mug)
        self.assertEqual(order.order_line.mapped("product_uom_qty"), [5.0, 12.0])

    def test_quick_order_live_rows(self):
        self.start_tour(
            "/my/b2b/quick_order", "b2b_catalogue_quick_order_live", login="pa_buyer"
        )

    def test_saved_list_edit(self):
        order_list = (
            self.env["b2b.order.list"]
            .with_user(self.a_buyer)
            ._b2b_create_from_lines("Weekly", [(self.shirt_red, 30), (self.cap, 5)])
        )
        self.start_tour(
            f"/my/b2b/lists/{order_list.id}",
            "b2b_catalogue_list_edit",
            login="pa_buyer",
        )
        self.assertEqual(
            [(line.product_id, line.quantity) for line in order_list.line_ids],
            [(self.shirt_red, 50.0), (self.mug, 6.0)],
        )


@tagged("post_install", "-at_install")
class TestCatalogueTours(B2bCatalogueToursMixin, B2bPortalHttpCommon):
    # Odoo's loader only runs the test methods of the class itself
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestCatalogueToursPhone(B2bCatalogueToursMixin, B2bPortalHttpCommon):
    allow_inherited_tests_method = True
    browser_size = "375x667"
    touch_enabled = True
