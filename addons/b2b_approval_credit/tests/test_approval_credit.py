# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.b2b_credit_sale.tests.common import B2bCreditSaleCommon


class ApprovalCreditCommon(B2bCreditSaleCommon):
    """Credit limit 1,000 (tier), confirmation blocked above it, and one
    seller-side rule approved by one user (``_rule_values``)."""

    _rule_values = {
        "name": "Over the credit limit",
        "domain": "[('b2b_credit_exceeded', '=', True)]",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_policy("order", "block")
        # the accounting test user also configures the approval rules
        cls.env.user.groups_id |= cls.env.ref("b2b_approval.b2b_approval_group_manager")
        cls.approver = new_test_user(
            cls.env,
            login=f"b2b_apc_approver_{cls.__name__.lower()}",
            groups="sales_team.group_sale_manager",
            name="Seller Approver",
        )
        cls.rule = cls.env["b2b.approval.rule"].create(
            {
                "model_id": cls.env["ir.model"]._get("sale.order").id,
                "scope": "seller",
                "auto_transition": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Seller",
                            "approver_type": "user",
                            "user_ids": [Command.set(cls.approver.ids)],
                        }
                    )
                ],
                **cls._rule_values,
            }
        )


@tagged("post_install", "-at_install")
class TestApprovalCredit(ApprovalCreditCommon):
    """Credit limit 1,000 (tier); confirmation blocked above it."""

    def test_credit_exceeded_field_and_search(self):
        under = self._order(5, user=self.salesman)
        over = self._order(15, user=self.salesman)
        self.assertFalse(under.b2b_credit_exceeded)
        self.assertTrue(over.b2b_credit_exceeded)
        Order = self.env["sale.order"]
        found = Order.search([("b2b_credit_exceeded", "=", True)])
        self.assertIn(over, found)
        self.assertNotIn(under, found)
        self.assertIn(under, Order.search([("b2b_credit_exceeded", "!=", True)]))
        # a confirmed order is not a quotation any more
        under.action_confirm()
        self.assertEqual(under.state, "sale")
        self.assertFalse(under.b2b_credit_exceeded)

    def test_under_limit_confirms_without_approval(self):
        order = self._order(5, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.b2b_approval_request_ids)

    def test_approval_overrides_credit_end_to_end(self):
        order = self._order(15, user=self.salesman)
        # over the limit: the rule matches, the order waits for approval
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.b2b_approval_state, "pending")
        request = order.b2b_approval_request_ids
        self.assertEqual(request.rule_ids, self.rule)
        # approving overrides the credit block and confirms the order
        request.with_user(self.approver).action_approve()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.b2b_credit_override_amount, 1500.0)
        self.assertEqual(order.b2b_credit_override_user_id, self.approver)
        self.assertEqual(order.b2b_credit_override_source, request.display_name)
        self.assertIn(f"#{request.id}", order.b2b_credit_override_reason)
        audit = self.env["b2b.credit.audit"].search(
            [
                ("event", "=", "override"),
                ("res_model", "=", "sale.order"),
                ("res_id", "=", order.id),
            ]
        )
        self.assertEqual(len(audit), 1)
        self.assertEqual(audit.user_id, self.approver)
        self.assertEqual(audit.source, request.display_name)

    def test_hold_is_not_overridden(self):
        order = self._order(15, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        request = order.b2b_approval_request_ids
        self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold(
            "Disputed invoices", "manual"
        )
        self.assertFalse(order._b2b_approval_credit_override(request))
        self.assertFalse(order.b2b_credit_override_date)

    def test_other_rules_grant_no_override(self):
        self.rule.domain = "[('amount_total', '>', 1200)]"
        order = self._order(15, user=self.salesman)
        # the approval could not lift the credit block: refused at once
        with self.assertRaisesRegex(UserError, "cannot pass this step"):
            order.with_user(self.salesman).action_confirm()
        self.assertFalse(order.b2b_approval_request_ids)
        # a request of that rule (asked before the credit got short) still
        # grants no override
        request = order._b2b_approval_request("seller")
        self.assertTrue(request)
        self.assertFalse(order._b2b_approval_credit_override(request))
        self.assertFalse(order.b2b_credit_override_date)

    def test_credit_override_is_an_explicit_rule_field(self):
        """The rule says whether its approval overrides the credit limit: by
        default when its condition filters on the credit-limit field (read
        from the domain's leaves, not its text), and as the user sets it."""
        self.assertTrue(self.rule.b2b_credit_override)
        Rule = self.env["b2b.approval.rule"]
        amount_rule = Rule.create(
            {
                "name": "Large orders",
                "model_id": self.rule.model_id.id,
                "scope": "seller",
                # the field's name in a text value is no credit condition
                "domain": "[('note', 'ilike', 'b2b_credit_exceeded')]",
            }
        )
        self.assertFalse(amount_rule.b2b_credit_override)
        # ticked by hand: its approvals override a credit-limit block too
        self.rule.domain = "[('amount_total', '>', 1200)]"
        self.assertFalse(self.rule.b2b_credit_override)
        self.rule.b2b_credit_override = True
        order = self._order(15, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        request = order.b2b_approval_request_ids
        self.assertEqual(request.rule_ids, self.rule)
        request.with_user(self.approver).action_approve()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.b2b_credit_override_source, request.display_name)
        # unticked: the same approval grants no override (and the submission
        # is refused at once, see test_credit_is_checked_before_approval)
        self.rule.b2b_credit_override = False
        order = self._order(15, user=self.salesman)
        request = order._b2b_approval_request("seller")
        self.assertFalse(order._b2b_approval_credit_override(request))
        self.assertFalse(order.b2b_credit_override_date)


@tagged("post_install", "-at_install")
class TestCreditBeforeApproval(ApprovalCreditCommon):
    """A submission learns at once everything that will stop the order:
    what an approval cannot lift (a hold, overdue invoices, a credit block
    without a credit-override rule) refuses it before anybody approves."""

    # an approval for large orders, unrelated to credit
    _rule_values = {"name": "Large orders", "domain": "[('amount_untaxed', '>', 400)]"}

    def _requests(self, order):
        return self.env["b2b.approval.request"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        )

    def test_over_limit_refused_before_approval(self):
        order = self._order(15, user=self.salesman)  # 1,500 > 1,000
        self.assertFalse(self.rule.b2b_credit_override)
        with self.assertRaisesRegex(UserError, "cannot pass this step") as caught:
            order.with_user(self.salesman).action_confirm()
        self.assertIn("1,000", str(caught.exception))
        self.assertEqual(order.state, "draft")
        self.assertFalse(self._requests(order), "nobody is asked to approve it")

    def test_within_limit_waits_for_approval(self):
        order = self._order(5, user=self.salesman)  # 500: approval, credit fine
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.b2b_approval_state, "pending")
        request = self._requests(order)
        self.assertEqual(request.rule_ids, self.rule)
        request.with_user(self.approver).action_approve()
        self.assertEqual(order.state, "sale")

    def test_hold_refused_even_with_a_credit_rule(self):
        """A credit-override rule only lifts the limit: a dealer on hold is
        refused at submission, and no approval is requested."""
        self.rule.write(
            {
                "domain": "[('b2b_credit_exceeded', '=', True)]",
                "b2b_credit_override": True,
            }
        )
        self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold(
            "Disputed invoices", "manual"
        )
        order = self._order(15, user=self.salesman)
        with self.assertRaisesRegex(UserError, "cannot pass this step"):
            order.with_user(self.salesman).action_confirm()
        self.assertFalse(self._requests(order))

    def test_limit_with_credit_rule_waits(self):
        self.rule.write(
            {
                "domain": "[('b2b_credit_exceeded', '=', True)]",
                "b2b_credit_override": True,
            }
        )
        order = self._order(15, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.b2b_approval_state, "pending")
        self.assertTrue(self._requests(order))
