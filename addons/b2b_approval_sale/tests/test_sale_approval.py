# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import B2bApprovalSaleCommon


@tagged("post_install", "-at_install")
class TestSaleApproval(B2bApprovalSaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._create_rule(
            [
                {
                    "approver_type": "user",
                    "user_ids": [Command.set(cls.sales_manager.ids)],
                }
            ],
            "[('amount_untaxed', '>', 1000)]",
            name="Large order",
        )

    def _request(self, order, scope="seller"):
        return order._b2b_approval_requests(scope=scope)[:1]

    def test_small_order_confirms(self):
        order = self._create_order(qty=5)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.b2b_approval_state, "none")

    def test_seller_side_flow(self):
        order = self._create_order(qty=20)
        self.assertTrue(order.action_confirm(), "returns cleanly, no error")
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.b2b_approval_state, "pending")
        waiting = self.env["sale.order"].search(
            [("b2b_approval_state", "=", "pending"), ("id", "=", order.id)]
        )
        self.assertEqual(waiting, order)
        request = self._request(order)
        self.assertEqual(request.requester_id, self.salesman)
        self.assertEqual(request.dealer_id, self.dealer)
        with self.assertRaises(AccessError):
            request.with_user(self.salesman).action_approve()
        request.with_user(self.sales_manager).action_approve("OK")
        self.assertEqual(order.state, "draft", "no automatic confirmation")
        self.assertEqual(request.state, "approved", request.reset_reason)
        self.assertEqual(order.b2b_approval_state, "approved")
        self.assertFalse(order._b2b_approval_blocked("seller"))
        self.assertFalse(order._b2b_approval_blocked("dealer"))
        res = order.action_confirm()
        self.assertEqual(
            order.state, "sale", (res, request.state, request.reset_reason)
        )

    def test_portal_acceptance_path(self):
        """The portal accepts quotations through sudo: same guard."""
        order = self._create_order(qty=20)
        order.with_user(self.purchaser).sudo().action_confirm()
        self.assertEqual(order.state, "draft")
        request = self._request(order)
        self.assertEqual(request.requester_id, self.purchaser)
        request.with_user(self.sales_manager).action_approve()
        order.with_user(self.purchaser).sudo().action_confirm()
        self.assertEqual(order.state, "sale")

    def test_auto_confirm_when_approved(self):
        self.rule.auto_transition = True
        order = self._create_order(qty=20)
        order.action_confirm()
        self._request(order).with_user(self.sales_manager).action_approve()
        self.assertEqual(order.state, "sale")

    def test_rejection_back_to_quotation(self):
        order = self._create_order(qty=20)
        order.action_quotation_sent()
        order.action_confirm()
        self._request(order).with_user(self.sales_manager).action_reject(
            "Price too low for this dealer"
        )
        self.assertIn(order.state, ("draft", "sent"))
        self.assertEqual(order.b2b_approval_state, "rejected")
        self.assertTrue(
            order.message_ids.filtered(
                lambda m: "Price too low for this dealer" in (m.body or "")
            )
        )

    def test_cancel_closes_pending_request(self):
        order = self._create_order(qty=20)
        order.action_confirm()
        request = self._request(order)
        self.assertEqual(request.state, "pending")
        order._action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(request.state, "cancelled")

    def test_direct_state_write_refused(self):
        """Imports and RPC writing the state cannot skip the approval."""
        order = self._create_order(qty=20)
        with self.assertRaisesRegex(UserError, "must be approved"):
            order.write({"state": "sale"})
        self.assertIn("must be approved", order._confirmation_error_message())
        small = self._create_order(qty=1)
        self.assertFalse(small._confirmation_error_message())

    def test_change_after_approval(self):
        order = self._create_order(qty=20)
        order.action_confirm()
        request = self._request(order)
        request.with_user(self.sales_manager).action_approve()
        # Harmless: the note and the customer reference.
        order.write({"note": "Call before delivery", "client_order_ref": "PO-1"})
        self.assertEqual(request.state, "approved")
        # Material: the price of a line.
        order.order_line.with_user(self.salesman).price_unit = 150
        self.assertEqual(request.state, "cancelled")
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        second = self._request(order)
        self.assertNotEqual(second, request)
        second.with_user(self.sales_manager).action_approve()
        # A new line resets as well.
        order.order_line = [Command.create({"product_id": self.product.id})]
        self.assertEqual(second.state, "cancelled")

    def test_delivery_address_harmless_if_rule_says_so(self):
        order = self._create_order(qty=20)
        shipping = self.env["res.partner"].create(
            {"name": "Warehouse", "parent_id": self.dealer.id, "type": "delivery"}
        )
        order.action_confirm()
        request = self._request(order)
        request.with_user(self.sales_manager).action_approve()
        order.partner_shipping_id = shipping
        self.assertEqual(request.state, "cancelled", "material by default")
        self.rule.harmless_field_ids = self.env["ir.model.fields"]._get(
            "sale.order", "partner_shipping_id"
        )
        order.action_confirm()
        request = self._request(order)
        request.with_user(self.sales_manager).action_approve()
        order.partner_shipping_id = self.dealer
        self.assertEqual(request.state, "approved")
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_dealer_side_then_seller_side(self):
        self._create_rule(
            [
                {
                    "approver_type": "role",
                    "role_id": self.env.ref("b2b_base.b2b_buyer_role_approver").id,
                },
                {
                    "approver_type": "role",
                    "role_id": self.env.ref("b2b_base.b2b_buyer_role_finance").id,
                },
            ],
            "[('amount_untaxed', '>', 500)]",
            name="Dealer chain",
            scope="dealer",
            tier_ids=[self.tier.id],
        )
        self.rule.auto_transition = True
        order = self._create_order(qty=20)
        # What the portal does when the purchaser submits the order.
        order._b2b_approval_submit(requester=self.purchaser)
        dealer_request = self._request(order, "dealer")
        self.assertEqual(dealer_request.requester_id, self.purchaser)
        self.assertFalse(self._request(order, "seller"), "not yet at the seller")
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        Request = self.env["b2b.approval.request"]
        self.assertEqual(
            Request._b2b_portal_pending_for(self.dealer_approver), dealer_request
        )
        with self.assertRaises(AccessError):
            dealer_request.with_user(self.purchaser).action_approve()
        dealer_request.with_user(self.dealer_approver).action_approve()
        dealer_request.with_user(self.dealer_finance).action_approve()
        self.assertEqual(dealer_request.state, "approved")
        seller_request = self._request(order, "seller")
        self.assertEqual(seller_request.requester_id, self.purchaser)
        self.assertEqual(order.state, "draft")
        seller_request.with_user(self.sales_manager).action_approve()
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestSpendingLimit(B2bApprovalSaleCommon):
    """Dealer side: orders of a purchaser above its own spending limit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchaser.b2b_spending_limit = 1000
        cls.purchaser_free = cls._b2b_buyer(cls.dealer, "aps_purchaser_free")
        cls.rule = cls._create_rule(
            [
                {
                    "approver_type": "role",
                    "role_id": cls.env.ref("b2b_base.b2b_buyer_role_approver").id,
                }
            ],
            "[('b2b_exceeds_spending_limit', '=', True)]",
            name="Purchaser limit",
            scope="dealer",
        )

    def _portal_order(self, user, qty):
        # What the portal does: create the order as the purchaser, through sudo.
        return (
            self.env["sale.order"]
            .with_user(user)
            .sudo()
            .create(
                {
                    "partner_id": user.partner_id.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": qty}
                        )
                    ],
                }
            )
            .with_env(self.env)
        )

    def test_spending_limit(self):
        small = self._portal_order(self.purchaser, 5)
        big = self._portal_order(self.purchaser, 20)
        free = self._portal_order(self.purchaser_free, 20)
        self.assertEqual(big.create_uid, self.purchaser)
        self.assertFalse(small.b2b_exceeds_spending_limit)
        self.assertTrue(big.b2b_exceeds_spending_limit)
        self.assertFalse(free.b2b_exceeds_spending_limit)
        orders = small | big | free
        self.assertEqual(
            orders.filtered_domain([("b2b_exceeds_spending_limit", "=", True)]), big
        )
        self.assertEqual(
            self.env["sale.order"].search(
                [("b2b_exceeds_spending_limit", "=", True), ("id", "in", orders.ids)]
            ),
            big,
        )
        self.assertEqual(
            self.env["sale.order"].search(
                [("b2b_exceeds_spending_limit", "!=", True), ("id", "in", orders.ids)]
            ),
            small | free,
        )
        blocked = orders._b2b_approval_submit(requester=self.purchaser)
        self.assertEqual(blocked, big)
        request = big._b2b_approval_requests(scope="dealer")
        self.assertEqual(request.line_ids.approver_user_ids, self.dealer_approver)
        # The purchaser is told of the decision (portal users do not see notes).
        request.with_user(self.dealer_approver).action_approve()
        self.assertTrue(
            self.env["mail.message"].search(
                [
                    ("model", "=", "sale.order"),
                    ("res_id", "=", big.id),
                    ("message_type", "=", "user_notification"),
                    ("partner_ids", "in", self.purchaser.partner_id.ids),
                ]
            )
        )
        self.assertFalse(big._b2b_approval_blocked("dealer"))
