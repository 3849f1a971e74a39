# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiOrders(B2bApiCommon):
    """Orders and stock over the API: cancel, idempotency, availability."""

    def test_cancel_closes_pending_approval(self):
        """Cancelling an order waiting for approval cancels its request: the
        approvers are not left with a request for a cancelled order."""
        self._approval_rule()
        res = self.submit("approve-cancel", lines=[{"sku": "API-PUMP", "quantity": 20}])
        self.assertEqual(res["approval_state"], "pending", res)
        order = self.env["sale.order"].browse(res["order_id"])
        cancelled = self.api().cancel_order({"order_id": order.id})
        self.assertTrue(cancelled["ok"], cancelled)
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order._b2b_approval_requests().mapped("state"), ["cancelled"])

    def test_idempotency_on_the_resolved_dealer(self):
        """The same order named with its dealer's id, code or implied is the
        same submission: a retry that names the dealer differently replays."""
        first = self.submit("named-1")
        for dealer in ("API-A", self.dealer_a.id):
            again = self.submit("named-1", dealer=dealer)
            self.assertTrue(again["ok"], again)
            self.assertTrue(again["replayed"])
            self.assertEqual(again["order_id"], first["order_id"])

    def test_unknown_warehouse_refused(self):
        res = self.api().product_availability(
            {"skus": ["API-PUMP"], "warehouses": ["NOPE", self.warehouse.code]}
        )
        self.assertCodes(res, [("UNKNOWN_WAREHOUSE", None)])
        self.assertNotIn(self.warehouse.code, res["errors"][0]["message"])

    def test_availability_says_when_stock_is_not_tracked(self):
        """A consumable or service has no stock figures: the answer says so
        instead of an unexplained "available": 0."""
        res = self.api().product_availability({"skus": ["API-PUMP", "API-VALVE"]})
        self.assertTrue(res["ok"], res)
        pump, valve = res["lines"]
        self.assertTrue(pump["is_storable"])
        self.assertFalse(valve["is_storable"])
