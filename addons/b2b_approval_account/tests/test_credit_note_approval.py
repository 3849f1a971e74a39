# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

INVOICING = "account.group_account_invoice"
FINANCE = "account.group_account_manager"


class B2bApprovalAccountCommon(B2bTestFactory, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.journal = cls.env["account.journal"].create(
            {"name": "Approval Sales", "code": "APVS", "type": "sale"}
        )
        cls.income = cls.env["account.account"].create(
            {"name": "Approval Income", "code": "700900", "account_type": "income"}
        )
        cls.receivable = cls.env["account.account"].create(
            {
                "name": "Approval Receivable",
                "code": "121900",
                "account_type": "asset_receivable",
                "reconcile": True,
            }
        )
        cls.dealer = cls._b2b_dealer(
            "Approval Account Dealer",
            "APA-D",
            state="approved",
            property_account_receivable_id=cls.receivable.id,
        )
        cls.invoicer = cls._b2b_internal_user(
            "apa_invoicer", INVOICING, name="Invoicer"
        )
        cls.finance = cls._b2b_internal_user("apa_finance", FINANCE, name="Finance")

    def _move(self, amount, move_type="out_refund", user=None):
        return (
            self.env["account.move"]
            .with_user(user or self.invoicer)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": self.dealer.id,
                    "journal_id": self.journal.id,
                    "invoice_date": "2026-01-05",
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Refund",
                                "account_id": self.income.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [],
                            }
                        )
                    ],
                }
            )
        )


@tagged("post_install", "-at_install")
class TestCreditNoteApproval(B2bApprovalAccountCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["b2b.approval.rule"].create(
            {
                "name": "Large credit note",
                "model_id": cls.env["ir.model"]._get("account.move").id,
                "domain": "[('move_type', '=', 'out_refund'), "
                "('amount_total', '>', 1000)]",
                "step_ids": [
                    Command.create(
                        {
                            "name": "Finance",
                            "approver_type": "group",
                            "group_id": cls.env.ref(FINANCE).id,
                        }
                    )
                ],
            }
        )

    def _request(self, move):
        return move._b2b_approval_requests()[:1]

    def test_credit_note_waits_for_finance(self):
        refund = self._move(1500)
        self.assertFalse(refund.action_post(), "returns cleanly, no error")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(refund.b2b_approval_state, "pending")
        waiting = self.env["account.move"].search(
            [("b2b_approval_state", "=", "pending"), ("id", "=", refund.id)]
        )
        self.assertEqual(waiting, refund)
        request = self._request(refund)
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.requester_id, self.invoicer)
        self.assertEqual(request.dealer_id, self.dealer)
        with self.assertRaises(AccessError):
            request.with_user(self.invoicer).action_approve()
        request.with_user(self.finance).action_approve("Refund agreed")
        self.assertEqual(request.state, "approved", request.reset_reason)
        self.assertEqual(refund.state, "draft", "no automatic posting")
        refund.with_user(self.invoicer).action_post()
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.b2b_approval_state, "approved")

    def test_requester_cannot_approve_own(self):
        refund = self._move(1500, user=self.finance)
        refund.action_post()
        self.assertEqual(refund.state, "draft")
        request = self._request(refund)
        self.assertEqual(request.requester_id, self.finance)
        with self.assertRaisesRegex(AccessError, "your own request"):
            request.with_user(self.finance).action_approve()
        self.assertEqual(request.state, "pending")

    def test_auto_post_when_approved(self):
        self.rule.auto_transition = True
        refund = self._move(1500)
        refund.action_post()
        self.assertEqual(refund.state, "draft")
        self._request(refund).with_user(self.finance).action_approve()
        self.assertEqual(refund.state, "posted")

    def test_below_threshold_and_invoices_post(self):
        small = self._move(900)
        invoice = self._move(50000, move_type="out_invoice")
        (small | invoice).action_post()
        self.assertEqual(small.state, "posted")
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(small.b2b_approval_state, "none")
        self.assertFalse(invoice._b2b_approval_requests())

    def test_batch_posts_the_others(self):
        large, small = self._move(1500), self._move(100)
        (large | small).with_user(self.invoicer).action_post()
        self.assertEqual(large.state, "draft")
        self.assertEqual(small.state, "posted")
        self.assertEqual(large.b2b_approval_state, "pending")

    def test_rejection_needs_reason(self):
        refund = self._move(1500)
        refund.action_post()
        request = self._request(refund)
        with self.assertRaisesRegex(UserError, "reason"):
            request.with_user(self.finance).action_reject("  ")
        request.with_user(self.finance).action_reject("Goods never returned")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(refund.b2b_approval_state, "rejected")
        self.assertTrue(
            refund.message_ids.filtered(
                lambda m: "Goods never returned" in (m.body or "")
            )
        )
        with self.assertRaisesRegex(UserError, "must be approved"):
            refund._post(soft=False)

    def test_change_after_approval_resets(self):
        refund = self._move(1500)
        refund.action_post()
        request = self._request(refund)
        request.with_user(self.finance).action_approve()
        # Harmless: the reference and the terms.
        refund.with_user(self.invoicer).write(
            {"ref": "RMA-7", "narration": "Returned goods"}
        )
        self.assertEqual(request.state, "approved")
        # Material: the price of a line.
        refund.invoice_line_ids.with_user(self.invoicer).price_unit = 1600
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(refund.amount_total, 1600)
        refund.action_post()
        self.assertEqual(refund.state, "draft")
        second = self._request(refund)
        self.assertNotEqual(second, request)
        second.with_user(self.finance).action_approve()
        # A new line resets as well.
        refund.invoice_line_ids = [
            Command.create(
                {"name": "Extra", "account_id": self.income.id, "price_unit": 10}
            )
        ]
        self.assertEqual(second.state, "cancelled")
        refund.action_post()
        third = self._request(refund)
        third.with_user(self.finance).action_approve()
        # The customer changes as well.
        other = self.env["res.partner"].create({"name": "Other customer"})
        refund.partner_id = other
        self.assertEqual(third.state, "cancelled")
        refund.action_post()
        self.assertEqual(refund.state, "draft")

    def test_direct_post_refused(self):
        """Automated code calling ``_post`` or writing the state is refused."""
        refund = self._move(1500)
        with self.assertRaisesRegex(UserError, "must be approved"):
            refund._post(soft=False)
        with self.assertRaisesRegex(UserError, "must be approved"):
            refund.write({"state": "posted"})
        self.assertEqual(refund.state, "draft")
        refund.action_post()
        self._request(refund).with_user(self.finance).action_approve()
        refund._post(soft=False)
        self.assertEqual(refund.state, "posted")

    def test_cancel_closes_pending_request(self):
        refund = self._move(1500)
        refund.action_post()
        request = self._request(refund)
        refund.button_cancel()
        self.assertEqual(refund.state, "cancel")
        self.assertEqual(request.state, "cancelled")


@tagged("post_install", "-at_install")
class TestNoRuleQueryCount(B2bApprovalAccountCommon):
    """Without a rule on journal entries, posting is plain Odoo: the approval
    adds no query at all."""

    def test_no_rule_no_query(self):
        self.assertFalse(
            self.env["b2b.approval.rule"].search([("model_name", "=", "account.move")])
        )
        refund = self._move(50000)
        for _warm in range(2):
            refund._b2b_approval_submit()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.assertFalse(refund._b2b_approval_submit())
        self.assertFalse(refund._b2b_approval_blocked())
        refund._b2b_approval_fields_changed(["line_ids"])
        self.env.flush_all()
        self.assertEqual(self.cr.sql_log_count - before, 0)
        refund.action_post()
        self.assertEqual(refund.state, "posted")
        self.assertFalse(refund._b2b_approval_requests())
