# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .common import B2bApprovalSaleCommon

APPROVAL_TABLES = ("b2b_approval_request", "b2b_approval_rule")
REQUEST_TABLE = '"b2b_approval_request"'


class PlainOdooApprovalSaleCommon(B2bQueryLogMixin, B2bApprovalSaleCommon):
    """A customer that is not a dealer, its orders and query logging."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Approval Plain Customer", "is_company": True}
        )

    def _plain_order(self):
        return self._b2b_order(self.customer, [(self.product, 10)], user=self.salesman)

    def _warm_rule_cache(self):
        """The rule ids (and whether the model has requests) are in Odoo's
        ormcache, warm in a running server."""
        Rule = self.env["b2b.approval.rule"]
        for model in ("sale.order", "account.move"):
            for scope in ("seller", "dealer"):
                Rule._b2b_get_rule_ids(model, scope)
            self.env["b2b.approval.request"]._b2b_model_has_requests(model)

    def _queries(self, func):
        """The queries of ``func`` that read or write the approval tables."""
        _result, queries = self._b2b_log_queries(func)
        return [q for q in queries if any(table in q for table in APPROVAL_TABLES)]


@tagged("post_install", "-at_install")
class TestPlainOdooApprovalSale(PlainOdooApprovalSaleCommon):
    """``sale.order`` ``action_confirm``, ``write``, ``_action_cancel``,
    ``_confirmation_error_message`` and ``sale.order.line`` ``create`` /
    ``write`` / ``unlink`` are plain Odoo for a plain salesman: for a
    customer that is not a dealer when the rules are the dealers' (a tier),
    and at no query at all when no rule exists."""

    def test_dealer_rule_plain_customer(self):
        """A rule of the dealers' tier: the customer that is not a dealer
        confirms as in Odoo, no request is created or looked up."""
        self._create_rule(
            [
                {
                    "approver_type": "user",
                    "user_ids": [Command.set(self.sales_manager.ids)],
                }
            ],
            "[('amount_untaxed', '>', 0)]",
            tier_ids=[Command.set(self.tier.ids)],
        )
        order = self._plain_order()
        self._warm_rule_cache()
        queries = self._queries(order.action_confirm)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order._b2b_approval_requests())
        # no rule read, no request written (the write of the state looks the
        # order's open requests up once, as soon as the model has rules)
        self.assertFalse([q for q in queries if "b2b_approval_rule" in q])
        self.assertFalse([q for q in queries if q.startswith("INSERT")])
        # the dealer's order does wait (the rule is real)
        dealer_order = self._create_order()
        dealer_order.action_confirm()
        self.assertEqual(dealer_order.state, "draft")

    def test_no_rule_no_query(self):
        """Without any rule: editing lines, confirming and cancelling cost no
        approval query and give Odoo's states."""
        order = self._plain_order()
        self._warm_rule_cache()

        def edit():
            order.write(
                {
                    "order_line": [
                        Command.update(order.order_line.id, {"product_uom_qty": 12}),
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 1}
                        ),
                    ]
                }
            )
            order.order_line[-1].unlink()

        self.assertFalse(self._queries(edit))
        self.assertEqual(order.order_line.product_uom_qty, 12)
        self.assertFalse(self._queries(order.action_confirm))
        self.assertEqual(order.state, "sale")
        # no order ever needed an approval: the cancellation looks no
        # request up (cached, see _b2b_model_has_requests)
        self._warm_rule_cache()
        self.assertFalse(self._queries(order._action_cancel))
        self.assertEqual(order.state, "cancel")


@tagged("post_install", "-at_install")
class TestPlainOdooApprovalSaleCost(PlainOdooApprovalSaleCommon):
    """What a customer that is not a dealer pays once the dealers have rules
    and requests: confirming and cancelling its orders look up no approval
    request; reopening one (back to quotation) looks them up once, since an
    approval may have been given; a pending request of a rule archived since
    is still closed when its order is cancelled."""

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
            "[('amount_untaxed', '>', 0)]",
            tier_ids=[Command.set(cls.tier.ids)],
        )

    def _dealer_waiting(self):
        order = self._create_order()
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        request = order._b2b_approval_requests()
        self.assertEqual(request.state, "pending")
        return order, request

    def test_confirm_cancel_reopen_plain_customer(self):
        """Request lookups for the customer's order (requests of the dealer
        exist): writing state = sent or sale 0 (before: 1 each), cancelling 1
        (the order might have an open request), back to quotation 1 (the
        lookup that may reset an approval)."""
        self._dealer_waiting()
        order = self._plain_order()
        self._warm_rule_cache()
        self.assertTrue(
            self.env["b2b.approval.request"]._b2b_model_has_requests("sale.order")
        )
        order = order.with_user(self.salesman)
        # the writes of the state (imports, RPC, Odoo's own confirmation and
        # cancellation): no request lookup (before: one each)
        for state in ("sent", "sale"):
            queries = self._queries(lambda state=state: order.write({"state": state}))
            self.assertEqual(order.state, state)
            # (the direct confirmation reads the rules to match them)
            self.assertFalse([q for q in queries if REQUEST_TABLE in q], state)
        self._warm_rule_cache()
        queries = self._queries(order._action_cancel)
        self.assertEqual(order.state, "cancel")
        # sale.order._action_cancel writes state = cancel (no lookup) then
        # closes the order's open requests (one indexed lookup: requests of
        # the model exist, the order might have one)
        self.assertEqual(len(queries), 1, queries)
        self.assertTrue(queries[0].startswith("SELECT"), queries)
        self._warm_rule_cache()
        queries = self._queries(order.action_draft)
        self.assertEqual(order.state, "draft")
        self.assertEqual(len(queries), 1, queries)
        self.assertIn(REQUEST_TABLE, queries[0])
        self.assertFalse(order._b2b_approval_requests())

    def test_cancel_closes_request_of_archived_rule(self):
        """The dealer's quotation waits; the rule is archived (no active rule
        is left on orders); cancelling the quotation still closes the
        request, and the approver's inbox is empty."""
        order, request = self._dealer_waiting()
        self.rule.active = False
        self.assertFalse(order._b2b_approval_has_rules())
        order._action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(request.reset_reason, "The order was cancelled.")

    def test_first_request_clears_cache(self):
        """Without any request the cached answer is False; the first request
        of the model turns it True at once (the registry cache is cleared),
        and an unlink recomputes it."""
        Request = self.env["b2b.approval.request"]
        self.env["b2b.approval.request"].sudo().search(
            [("res_model", "=", "sale.order")]
        ).unlink()
        self.assertFalse(Request._b2b_model_has_requests("sale.order"))
        order, request = self._dealer_waiting()
        self.assertTrue(Request._b2b_model_has_requests("sale.order"))
        request.sudo().unlink()
        self.assertFalse(Request._b2b_model_has_requests("sale.order"))
        order._action_cancel()
        self.assertEqual(order.state, "cancel")
