# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bPortalStockCommon


class B2bPortalStockTourMixin:
    def test_split_order_tour(self):
        Order = self.env["sale.order"]
        before = Order.search([("partner_id", "=", self.a_buyer.partner_id.id)])
        self.start_tour(
            "/my/b2b/catalogue?search=B2B-CAP",
            "b2b_portal_stock_split_order",
            login="pa_buyer",
        )
        order = Order.search([("partner_id", "=", self.a_buyer.partner_id.id)]) - before
        self.assertEqual(order.state, "sale")
        deliveries = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self.assertEqual(
            deliveries.picking_type_id.warehouse_id, self.wh_east | self.wh_south
        )
        self.assertEqual(len(deliveries), 2)


@tagged("post_install", "-at_install")
class TestPortalStockTour(B2bPortalStockTourMixin, B2bPortalStockCommon):
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestPortalStockTourPhone(B2bPortalStockTourMixin, B2bPortalStockCommon):
    allow_inherited_tests_method = True
    browser_size = "375x667"
    touch_enabled = True
