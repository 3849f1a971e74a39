# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import B2bCreditSaleCommon

# Before confirming an order of 100 (limit 1,000):
# situation: (confirmed orders already there, overdue invoice?, on hold?)
SITUATIONS = {
    "under": (5, False, False),
    "at": (9, False, False),
    "over": (10, False, False),
    "overdue": (1, True, False),
    "hold": (1, False, True),
}
# A hold blocks confirmations whatever the policy.
EXPECTED = {
    "none": {"block": {"hold"}, "warn": set()},
    "warn": {"block": {"hold"}, "warn": {"over", "overdue"}},
    "block": {"block": {"over", "overdue", "hold"}, "warn": set()},
}


@tagged("post_install", "-at_install")
class TestB2bCreditSalePolicy(B2bCreditSaleCommon):
    def _prepare_dealer(self, situation, name):
        qty, overdue, hold = SITUATIONS[situation]
        dealer = self._create_dealer(name)
        self._order(qty, partner=dealer, confirm=True)
        if overdue:
            self._invoice(10.0, partner=dealer, date="2025-01-01", due="2025-01-31")
        if hold:
            dealer.with_user(self.credit_manager)._b2b_credit_set_hold("Audit")
        return dealer

    def _prepare(self, situation, name):
        dealer = self._prepare_dealer(situation, name)
        return self._order(1, partner=dealer, user=self.salesman)

    def _has_warning(self, order):
        return any("Credit warning" in (m.body or "") for m in order.message_ids)

    def test_order_stage_table(self):
        for policy, expected in EXPECTED.items():
            for situation in SITUATIONS:
                with self.subTest(policy=policy, situation=situation):
                    self._set_policy("order", policy)
                    order = self._prepare(situation, f"D {policy} {situation}")
                    if situation in expected["block"]:
                        with self.assertRaises(UserError):
                            order.with_user(self.salesman).action_confirm()
                        self.assertEqual(order.state, "draft")
                    else:
                        order.with_user(self.salesman).action_confirm()
                        self.assertEqual(order.state, "sale")
                        self.assertEqual(
                            self._has_warning(order), situation in expected["warn"]
                        )

    def test_quotation_stage_table(self):
        # At the quotation stage a hold follows the policy like the rest.
        expected = {
            "none": {"block": set(), "warn": set()},
            "warn": {"block": set(), "warn": {"over", "overdue", "hold"}},
            "block": {"block": {"over", "overdue", "hold"}, "warn": set()},
        }
        for policy, outcome in expected.items():
            for situation in SITUATIONS:
                with self.subTest(policy=policy, situation=situation):
                    dealer = self._prepare_dealer(situation, f"Q {policy} {situation}")
                    self._set_policy("quotation", policy)
                    if situation in outcome["block"]:
                        with self.assertRaises(UserError):
                            self._order(1, partner=dealer, user=self.salesman)
                        self._set_policy("quotation", "none")
                        continue
                    quotation = self._order(1, partner=dealer, user=self.salesman)
                    self.assertEqual(
                        self._has_warning(quotation), situation in outcome["warn"]
                    )
                    # Sending is checked too.
                    quotation.with_user(self.salesman).action_quotation_sent()
                    self.assertEqual(quotation.state, "sent")
                    self._set_policy("quotation", "none")

    def test_block_message_figures(self):
        self._set_policy("order", "block")
        self._order(7, confirm=True)
        order = self._order(4)
        # the usual refusal, carrying the decision for callers that tell
        # credit refusals apart (the API)
        with self.assertRaises(UserError) as error:
            order.action_confirm()
        self.assertIs(type(error.exception), UserError)
        self.assertEqual(error.exception.b2b_credit_decision["result"], "block")
        message = str(error.exception)
        for figure in ("1,000.00", "700.00", "400.00", "100.00"):
            self.assertIn(figure, message)
        self.assertIn(order.name, message)

    def test_every_confirmation_path_is_blocked(self):
        self._set_policy("order", "block")
        self._order(8, confirm=True)
        # From "sent".
        sent = self._order(3)
        sent.action_quotation_sent()
        self.assertEqual(sent.state, "sent")
        with self.assertRaises(UserError):
            sent.action_confirm()
        # Duplicate of a confirmed order, then confirm.
        confirmed = self.dealer.sale_order_ids.filtered(lambda o: o.state == "sale")
        duplicate = confirmed.copy()
        with self.assertRaises(UserError):
            duplicate.action_confirm()
        # RPC-style call by the least privileged salesperson.
        own = self._order(3, user=self.salesman)
        with self.assertRaises(UserError):
            own.with_user(self.salesman).action_confirm()
        # Direct write of the state (imports, automated actions, scripts).
        with self.assertRaises(UserError):
            own.write({"state": "sale"})
        # Import of an order already confirmed.
        with self.assertRaises(UserError):
            self._order(3, state="sale")
        # The override fields cannot be written by the salesperson.
        with self.assertRaises(AccessError):
            own.with_user(self.salesman).write({"b2b_credit_override_amount": 1e9})
        self.assertEqual(own.state, "draft")

    def test_batch_confirmation_is_cumulative(self):
        self._set_policy("order", "block")
        first = self._order(6)
        second = self._order(6)
        with self.assertRaises(UserError):
            (first + second).action_confirm()
        self.assertEqual(first.state, "draft")
        first.action_confirm()
        self.assertEqual(first.state, "sale")

    def test_override_and_audit(self):
        self._set_policy("order", "block")
        self._order(8, confirm=True)
        order = self._order(5, user=self.salesman)
        self.assertIn("shortfall", order.b2b_credit_warning)
        wizard = (
            self.env["b2b.credit.document.override"]
            .with_user(self.credit_manager)
            .create(
                {
                    "res_model": "sale.order",
                    "res_id": order.id,
                    "reason": "Paid by wire today",
                }
            )
        )
        wizard.action_confirm()
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        audit = self.env["b2b.credit.audit"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        )
        self.assertEqual(audit.event, "override")
        self.assertEqual(audit.user_id, self.credit_manager)
        self.assertEqual(audit.reason, "Paid by wire today")

    def test_override_lapses_on_bigger_amount(self):
        self._set_policy("order", "block")
        self._order(8, confirm=True)
        order = self._order(5)
        order.with_user(self.credit_manager)._b2b_credit_grant_override("OK")
        order.write(
            {
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "price_unit": 100.0,
                            "tax_id": [Command.clear()],
                        }
                    )
                ]
            }
        )
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_non_dealer_is_plain_odoo(self):
        for stage in ("quotation", "order"):
            self._set_policy(stage, "block")
        self.customer.with_company(self.company).sudo().credit_limit = 10.0
        order = self._order(50, partner=self.customer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.b2b_credit_warning)
