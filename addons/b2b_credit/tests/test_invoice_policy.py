# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bCreditCommon

# Situations of the dealer before posting an invoice of 100 (limit 1,000).
# situation: (exposure already there, invoice due long ago?, on hold?)
SITUATIONS = {
    "under": (500.0, False, False),
    "at": (900.0, False, False),
    "over": (950.0, False, False),
    "overdue": (100.0, True, False),
    "hold": (100.0, False, True),
}
# policy -> situations that are refused / warned
EXPECTED = {
    "none": {"block": set(), "warn": set()},
    "warn": {"block": set(), "warn": {"over", "overdue", "hold"}},
    "block": {"block": {"over", "overdue", "hold"}, "warn": set()},
}


@tagged("post_install", "-at_install")
class TestB2bCreditInvoicePolicy(B2bCreditCommon):
    def _prepare(self, situation, policy):
        existing, overdue, hold = SITUATIONS[situation]
        dealer = self._create_dealer(f"Dealer {policy} {situation}")
        self._invoice(
            existing,
            partner=dealer,
            date="2025-01-01" if overdue else "2026-01-05",
            due="2025-01-31" if overdue else "2099-01-01",
        )
        if hold:
            dealer.with_user(self.credit_manager)._b2b_credit_set_hold("Bounced cheque")
        return self._invoice(100.0, partner=dealer, post=False)

    def test_invoice_stage_table(self):
        for policy, expected in EXPECTED.items():
            for situation in SITUATIONS:
                with self.subTest(policy=policy, situation=situation):
                    self._set_policy("invoice", policy)
                    invoice = self._prepare(situation, policy)
                    if situation in expected["block"]:
                        with self.assertRaises(UserError) as error:
                            invoice.with_user(self.invoicer).action_post()
                        self.assertEqual(invoice.state, "draft")
                        message = str(error.exception)
                        if situation == "over":
                            # limit, exposure, this document, shortfall
                            for figure in ("1,000.00", "950.00", "100.00", "50.00"):
                                self.assertIn(figure, message)
                    else:
                        notes_before = len(invoice.message_ids)
                        invoice.with_user(self.invoicer).action_post()
                        self.assertEqual(invoice.state, "posted")
                        warned = len(invoice.message_ids) > notes_before and any(
                            "Credit warning" in (m.body or "")
                            for m in invoice.message_ids
                        )
                        self.assertEqual(warned, situation in expected["warn"])

    def test_non_dealer_is_plain_odoo(self):
        self._set_policy("invoice", "block")
        self.customer.with_company(self.company).sudo().credit_limit = 10.0
        self._invoice(500.0, partner=self.customer)
        invoice = self._invoice(100.0, partner=self.customer, post=False)
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")

    def test_tier_overrides_company_policy(self):
        self._set_policy("invoice", "none")
        self.tier.b2b_credit_policy_invoice = "block"
        self._invoice(950.0)
        invoice = self._invoice(100.0, post=False)
        with self.assertRaises(UserError):
            invoice.action_post()
        self.tier.b2b_credit_policy_invoice = False
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")

    def test_credit_notes_never_blocked(self):
        self._invoice(2000.0)
        self._set_policy("invoice", "block")
        refund = self._invoice(100.0, move_type="out_refund", post=False)
        refund.action_post()
        self.assertEqual(refund.state, "posted")

    def test_message_in_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_credit"], ["zh_CN"], overwrite=True
        )
        self._set_policy("invoice", "block")
        self._invoice(950.0)
        invoice = self._invoice(100.0, post=False)
        with self.assertRaises(UserError) as error:
            invoice.with_context(lang="zh_CN").action_post()
        message = str(error.exception)
        self.assertIn("超出信用额度", message)
        for figure in ("1,000.00", "950.00", "100.00", "50.00"):
            self.assertIn(figure, message)
