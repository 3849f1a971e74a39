# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import JPEG, PDF, PNG, B2bFinancePortalCommon


@tagged("post_install", "-at_install")
class TestPaymentSlip(B2bFinancePortalCommon):
    """Declaration checks, duplicate flag, confirmation (payment and
    reconciliation), rejection with a reason, the exposure option."""

    def test_declare(self):
        slip = self._declare(self.finance, 150.5, "HX 001", self.feb | self.march)
        self.assertEqual(slip.state, "declared")
        self.assertEqual(slip.dealer_id, self.dealer)
        self.assertEqual(slip.declared_by_id, self.finance)
        self.assertEqual(slip.amount, 150.5)
        self.assertEqual(slip.invoice_ids, self.feb | self.march)
        self.assertEqual(slip.sudo().attachment_id.mimetype, "image/png")
        self.assertEqual(slip.sudo().attachment_id.raw, PNG)
        self.assertTrue(slip.name.startswith("PAY-SLIP/"))
        self.assertFalse(slip.is_duplicate)
        # the admin buyer may declare too, PDF and JPEG files
        for content, mimetype in ((PDF, "application/pdf"), (JPEG, "image/jpeg")):
            slip = self._declare(self.admin, 10.0, f"R-{mimetype}", content=content)
            self.assertEqual(slip.sudo().attachment_id.mimetype, mimetype)

    def test_declare_validation(self):
        today = fields.Date.today()
        cases = [
            (0, "R-V", {}, "amount"),
            (-5, "R-V", {}, "amount"),
            ("abc", "R-V", {}, "amount"),
            (100, "R-V", {"date": "2026-13-45"}, "date"),
            (
                100,
                "R-V",
                {"date": fields.Date.to_string(today + timedelta(days=2))},
                "date",
            ),
            (
                100,
                "R-V",
                {"date": fields.Date.to_string(today - timedelta(days=400))},
                "date",
            ),
            (100, "", {}, "reference"),
            (100, "R" * 65, {}, "characters"),
            (100, "R-V", {"payer_account": "1" * 65}, "characters"),
        ]
        for amount, reference, extra, word in cases:
            with self.subTest(amount=amount, reference=reference, extra=extra):
                with self.assertRaisesRegex(UserError, word):
                    self._declare(self.finance, amount, reference, **extra)
        # another dealer's invoice, a paid or unknown one
        for invoices in (self.invoice_b, self.refund):
            with self.assertRaisesRegex(UserError, "invoices"):
                self._declare(self.finance, 10.0, "R-INV", invoices)
        with self.assertRaisesRegex(UserError, "invoices"):
            self._declare(self.finance, 10.0, "R-INV", invoice_ids=["x"])
        self.assertFalse(self.env["b2b.payment.slip"].search([]))

    def test_declare_files_refused(self):
        big = PNG + b"\x00" * (10 * 1024 * 1024)
        for content, word in (
            (b"", "attach"),
            (b"GIF89a....", "PDF, JPG or PNG"),
            (b"<html><script>", "PDF, JPG or PNG"),
            (b"MZ\x90\x00 exe", "PDF, JPG or PNG"),
            (big, "10 MB"),
        ):
            with self.subTest(word=word, size=len(content)):
                with self.assertRaisesRegex(UserError, word):
                    # the name does not count, only the content
                    self._declare(self.finance, content=content, filename="x.png")
        self.assertFalse(self.env["b2b.payment.slip"].search([]))

    def test_declare_roles(self):
        for user in (self.purchaser, self.approver, self.invoicer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._declare(user)

    def test_duplicate_flag(self):
        first = self._declare(self.finance, 100.0, "HX-77")
        other_amount = self._declare(self.finance, 101.0, "HX-77")
        self.assertFalse(first.is_duplicate or other_amount.is_duplicate)
        # same reference (spaces and case ignored) and amount, another dealer
        second = self._declare(self.finance_b, 100.0, " hx-77 ")
        self.assertTrue(second.is_duplicate)
        self.assertTrue(first.sudo().is_duplicate)
        self.assertIn(first, second.sudo().duplicate_ids)
        self.assertFalse(other_amount.sudo().is_duplicate)
        # spaces and case do not count; wildcards are plain characters
        self.assertTrue(self._declare(self.finance, 100.0, "H X-7 7").is_duplicate)
        self.assertFalse(self._declare(self.finance, 100.0, "%").is_duplicate)
        self.assertFalse(self._declare(self.finance, 100.0, "HX_77").is_duplicate)
        # a rejected slip is no duplicate any more
        first.sudo().with_user(self.accountant)._b2b_reject("Not received")
        third = self._declare(self.finance, 101.0, "HX-78")
        self.assertFalse(third.is_duplicate)

    def test_confirm_reconciles(self):
        self.assertEqual(self.feb.payment_state, "not_paid")
        slip = self._declare(self.finance, 300.0, "HX-300", self.feb)
        slip = slip.with_user(self.accountant)
        slip.action_b2b_confirm()
        self.assertEqual(slip.state, "confirmed")
        payment = slip.payment_id
        self.assertTrue(payment)
        self.assertEqual(payment.amount, 300.0)
        self.assertEqual(payment.partner_id, self.dealer)
        self.assertEqual(payment.memo, "HX-300")
        self.assertEqual(self.feb.payment_state, "paid")
        self.assertIn(self.feb, payment.reconciled_invoice_ids)
        self.assertEqual(slip.processed_by_id, self.accountant)
        # once only, and never changed afterwards
        with self.assertRaisesRegex(UserError, "already processed"):
            slip.action_b2b_confirm()
        for vals in (
            {"amount": 1.0},
            {"invoice_ids": [(5, 0, 0)]},
            {"date": "2026-01-01"},
        ):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                slip.write(vals)
        # the declarant is told (its partner notified)
        message = slip.message_ids[:1]
        self.assertIn(self.finance.partner_id, message.partner_ids)

    def test_confirm_partial_and_without_invoice(self):
        slip = self._declare(self.finance, 100.0, "HX-P", self.march)
        slip.with_user(self.accountant).action_b2b_confirm()
        self.assertEqual(self.march.payment_state, "partial")
        self.assertEqual(self.march.amount_residual, 899.0)
        receivable = self._exposure()["receivable"]
        free = self._declare(self.finance, 50.0, "HX-FREE")
        free.with_user(self.accountant).action_b2b_confirm()
        self.assertEqual(free.payment_id.state, "in_process")
        self.assertEqual(free.payment_id.amount, 50.0)
        self.assertAlmostEqual(self._exposure()["receivable"], receivable - 50.0)

    def test_reject(self):
        slip = self._declare(self.finance, 100.0, "HX-R")
        action = slip.with_user(self.accountant).action_b2b_reject()
        self.assertEqual(action["res_model"], "b2b.payment.slip.reject")
        wizard = Form(
            self.env["b2b.payment.slip.reject"]
            .with_user(self.accountant)
            .with_context(**action["context"])
        )
        with self.assertRaises(ValidationError):
            slip.with_user(self.accountant)._b2b_reject("  ")
        wizard.reason = "No transfer with this reference"
        wizard.save().action_reject()
        self.assertEqual(slip.state, "rejected")
        self.assertEqual(slip.reject_reason, "No transfer with this reference")
        self.assertFalse(slip.payment_id)
        # the dealer reads the reason
        self.assertEqual(
            slip.with_user(self.finance).reject_reason,
            "No transfer with this reference",
        )
        with self.assertRaisesRegex(UserError, "already processed"):
            slip.with_user(self.accountant).action_b2b_confirm()

    def test_exposure_option(self):
        before = self._exposure()
        self.assertNotIn("declared_payment", before)
        self._declare(self.finance, 400.0, "HX-E1")
        self.assertEqual(self._exposure()["total"], before["total"])
        self.company.b2b_finance_declared_exposure = True
        after = self._exposure()
        self.assertEqual(after["declared_payment"], -400.0)
        self.assertAlmostEqual(after["total"], before["total"] - 400.0)
        # never more than the open receivable
        self._declare(self.finance, 100000.0, "HX-E2")
        capped = self._exposure()
        self.assertAlmostEqual(capped["declared_payment"], -before["receivable"])
        # other dealers and processed slips do not count
        other = self._declare(self.finance_b, 50.0, "HX-E3")
        self.assertEqual(self._exposure(self.dealer_b)["declared_payment"], -50.0)
        other.with_user(self.accountant)._b2b_reject("No")
        self.assertEqual(self._exposure(self.dealer_b)["declared_payment"], 0.0)
        # the portal's credit card sees the same figure
        info = self.dealer._b2b_credit_info(self.company)
        self.assertEqual(info["exposure"], capped["total"])
        self.company.b2b_finance_declared_exposure = False
        self.assertEqual(self._exposure()["total"], before["total"])
