# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import B2bApprovalSaleCommon

APPROVAL_TABLES = ("b2b_approval_request", "b2b_approval_rule")


@tagged("post_install", "-at_install")
class TestPlainOdooApprovalSale(B2bApprovalSaleCommon):
    """``sale.order`` ``action_confirm``, ``write``, ``_action_cancel``,
    ``_confirmation_error_message`` and ``sale.order.line`` ``create`` /
    ``write`` / ``unlink`` are plain Odoo for a plain salesman: for a
    customer that is not a dealer when the rules are the dealers' (a tier),
    and at no query at all when no rule exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Approval Plain Customer", "is_company": True}
        )

    def _plain_order(self):
        return (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 10}
                        )
                    ],
                }
            )
        )

    def _warm_rule_cache(self):
        """The rule ids are in Odoo's ormcache, warm in a running server."""
        Rule = self.env["b2b.approval.rule"]
        for scope in ("seller", "dealer"):
            Rule._b2b_get_rule_ids("sale.order", scope)

    def _queries(self, func):
        self.env.flush_all()
        queries = []
        execute = self.env.cr.execute

        def logged_execute(query, params=None, log_exceptions=True):
            queries.append(str(getattr(query, "code", query)))
            return execute(query, params, log_exceptions)

        self.patch(self.env.cr, "execute", logged_execute)
        func()
        self.env.flush_all()
        self.patch(self.env.cr, "execute", execute)
        return [q for q in queries if any(table in q for table in APPROVAL_TABLES)]

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
        # the cancellation closes the order's open requests: it looks them
        # up (nothing is written)
        queries = self._queries(order._action_cancel)
        self.assertEqual(order.state, "cancel")
        self.assertFalse([q for q in queries if not q.startswith("SELECT")], queries)
