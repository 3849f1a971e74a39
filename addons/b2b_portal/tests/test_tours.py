# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bPortalHttpCommon


@tagged("post_install", "-at_install")
class TestTours(B2bPortalHttpCommon):
    """The purchaser's flows in Chromium."""

    def _orders_of_buyer(self):
        return self.env["sale.order"].search(
            [("partner_id", "=", self.a_buyer.partner_id.id)], order="id"
        )

    def test_quick_order_keyboard(self):
        before = self._orders_of_buyer()
        self.start_tour(
            "/my/b2b/quick_order", "b2b_portal_quick_order_keyboard", login="pa_buyer"
        )
        order = self._orders_of_buyer() - before
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.order_line.product_id, self.cap | self.mug)
        self.assertEqual(order.order_line.mapped("product_uom_qty"), [5.0, 12.0])

    def test_upload_bad_row(self):
        before = self._orders_of_buyer()
        self.start_tour(
            "/my/b2b/quick_order", "b2b_portal_upload_bad_row", login="pa_buyer"
        )
        order = self._orders_of_buyer() - before
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.order_line.product_id, self.cap | self.mug)

    def test_reorder(self):
        past = self._b2b_order(
            self.a_buyer.partner_id, [(self.cap, 5), (self.shirt_red, 2)]
        )
        past.message_subscribe(partner_ids=self.a_buyer.partner_id.ids)
        past.action_confirm()
        self.shirt_red.active = False
        before = self._orders_of_buyer()
        self.start_tour(past.get_portal_url(), "b2b_portal_reorder", login="pa_buyer")
        order = self._orders_of_buyer() - before
        self.assertEqual(order.order_line.product_id, self.cap)
        self.assertEqual(order.order_line.product_uom_qty, 5.0)


@tagged("post_install", "-at_install")
class TestPhone(B2bPortalHttpCommon):
    """Every page of the workspace fits a 375 px wide phone screen."""

    browser_size = "375x667"
    touch_enabled = True

    def test_no_horizontal_scroll(self):
        self.order_a1.action_confirm()
        self.env["b2b.order.list"].with_user(self.a_admin)._b2b_create_from_lines(
            "Weekly", [(self.cap, 5)]
        )
        urls = [
            "/my",
            "/my/b2b/catalogue",
            "/my/b2b/quick_order",
            "/my/b2b/deliveries",
            "/my/b2b/lists",
            "/my/b2b/team",
            "/my/orders",
            self.order_a1.get_portal_url(),
        ]
        for url in urls:
            with self.subTest(url=url):
                self.start_tour(
                    url, "b2b_portal_no_horizontal_scroll", login="pa_admin"
                )
