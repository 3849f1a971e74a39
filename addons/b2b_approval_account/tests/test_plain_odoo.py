# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .test_credit_note_approval import B2bApprovalAccountCommon

APPROVAL_TABLES = ("b2b_approval_request", "b2b_approval_rule")


@tagged("post_install", "-at_install")
class TestPlainOdooApprovalAccount(B2bQueryLogMixin, B2bApprovalAccountCommon):
    """``account.move`` ``action_post`` / ``_post`` / ``write`` /
    ``button_cancel`` and ``account.move.line`` ``create`` / ``write`` /
    ``unlink`` are plain Odoo for an accountant without any B2B group: with
    no rule on journal entries they cost no approval query, and a rule of
    the dealers does not touch a customer that is not a dealer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Approval Plain Customer",
                "is_company": True,
                "property_account_receivable_id": cls.receivable.id,
            }
        )
        cls.dealer_tier = cls.env["b2b.dealer.tier"].create(
            {"name": "Approval Account Tier", "code": "APA-T", "company_id": False}
        )
        cls.dealer.b2b_tier_id = cls.dealer_tier

    def _plain_move(self, move_type="out_invoice"):
        move = self._move(100.0, move_type=move_type)
        move.partner_id = self.customer
        return move

    def _queries(self, func):
        """The queries of ``func`` that read or write the approval tables."""
        _result, queries = self._b2b_log_queries(func)
        return [q for q in queries if any(table in q for table in APPROVAL_TABLES)]

    def test_no_rule_no_query(self):
        """Edit, post, reset and cancel an invoice and a credit note: Odoo's
        states, no approval query."""
        Rule = self.env["b2b.approval.rule"]
        for scope in ("seller", "dealer"):  # ormcache, warm in a running server
            Rule._b2b_get_rule_ids("account.move", scope)
        self.env["b2b.approval.request"]._b2b_model_has_requests("account.move")
        for move_type in ("out_invoice", "out_refund"):
            with self.subTest(move_type=move_type):
                move = self._plain_move(move_type)

                def edit(move=move):
                    line = move.invoice_line_ids
                    move.write(
                        {
                            "invoice_line_ids": [
                                Command.update(line.id, {"price_unit": 150.0})
                            ]
                        }
                    )

                self.assertFalse(self._queries(edit))
                self.assertEqual(move.amount_untaxed, 150.0)
                self.assertFalse(self._queries(move.action_post))
                self.assertEqual(move.state, "posted")
                self.assertFalse(self._queries(move.button_draft))
                # no entry ever needed an approval: the cancellation looks
                # no request up (cached, see _b2b_model_has_requests)
                self.assertFalse(self._queries(move.button_cancel))
                self.assertEqual(move.state, "cancel")

    def test_dealer_rule_plain_customer(self):
        """A credit-note rule of the dealers' tier: the customer's credit note
        posts as in Odoo; the dealer's waits."""
        self.env["b2b.approval.rule"].create(
            {
                "name": "Dealer credit notes",
                "model_id": self.env["ir.model"]._get("account.move").id,
                "domain": "[('move_type', '=', 'out_refund')]",
                "tier_ids": [Command.set(self.dealer_tier.ids)],
                "step_ids": [
                    Command.create(
                        {
                            "name": "Finance",
                            "approver_type": "user",
                            "user_ids": [Command.set(self.finance.ids)],
                        }
                    )
                ],
            }
        )
        refund = self._plain_move("out_refund")
        refund.action_post()
        self.assertEqual(refund.state, "posted")
        self.assertFalse(refund._b2b_approval_requests())
        dealer_refund = self._move(100.0)
        dealer_refund.action_post()
        self.assertEqual(dealer_refund.state, "draft")
        self.assertTrue(dealer_refund._b2b_approval_requests())
