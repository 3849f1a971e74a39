# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import B2bCreditCommon


@tagged("post_install", "-at_install")
class TestB2bCreditExposure(B2bCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.setup_other_currency("EUR")
        cls.company_data_2 = cls.setup_other_company()
        cls.company_2 = cls.company_data_2["company"]

    def test_posted_invoice_and_partial_payment(self):
        invoice = self._invoice(300.0)
        self.assertEqual(self._exposure()["receivable"], 300.0)
        self._register_payment(invoice, 120.0)
        exposure = self._exposure()
        self.assertEqual(exposure["receivable"], 180.0)
        self.assertEqual(exposure["total"], 180.0)

    def test_credit_note_and_unreconciled_payment(self):
        self._invoice(500.0)
        self._invoice(200.0, move_type="out_refund")
        self.assertEqual(self._exposure()["receivable"], 300.0)
        self.init_payment(50.0, post=True, partner=self.dealer, date="2026-01-06")
        self.assertEqual(self._exposure()["receivable"], 250.0)

    def test_draft_invoices_counted_and_excluded(self):
        draft = self._invoice(400.0, post=False)
        self._invoice(100.0, move_type="out_refund", post=False)
        exposure = self._exposure()
        self.assertEqual(exposure["draft_invoice"], 300.0)
        exposure = self._exposure(exclude={"account.move": draft.ids})
        self.assertEqual(exposure["draft_invoice"], -100.0)

    def test_contacts_count_with_their_dealer(self):
        self._invoice(100.0, partner=self.contact)
        self._invoice(50.0)
        self.assertEqual(self._exposure()["total"], 150.0)
        # Asked from the contact, the answer is the dealer's.
        self.assertEqual(self._exposure(partner=self.contact)["total"], 150.0)

    def test_foreign_currency_in_company_currency(self):
        # EUR rate 2.0 since 2017: 400 EUR = 200 in the company currency.
        invoice = self._invoice(400.0, currency=self.eur)
        self.assertEqual(self._exposure()["receivable"], 200.0)
        self._register_payment(invoice, 100.0)
        self.assertEqual(self._exposure()["receivable"], 150.0)

    def test_per_company(self):
        self.dealer.with_company(
            self.company_2
        ).property_account_receivable_id = self.company_data_2[
            "default_account_receivable"
        ]
        self._invoice(700.0, company=self.company_2)
        self._invoice(100.0)
        self.assertEqual(self._exposure()["total"], 100.0)
        self.assertEqual(self._exposure(company=self.company_2)["total"], 700.0)

    def test_components_are_configurable(self):
        self._invoice(100.0)
        self._invoice(40.0, post=False)
        self.assertEqual(self._exposure()["total"], 140.0)
        self.company.b2b_credit_include_draft_invoice = False
        exposure = self._exposure()
        self.assertNotIn("draft_invoice", exposure)
        self.assertEqual(exposure["total"], 100.0)
        self.company.b2b_credit_include_receivable = False
        self.assertEqual(self._exposure()["total"], 0.0)

    def test_credit_info_for_portal(self):
        self._invoice(250.0)
        info = self.contact._b2b_credit_info(self.company)
        self.assertEqual(info["dealer_id"], self.dealer.id)
        self.assertEqual(info["limit"], 1000.0)
        self.assertEqual(info["exposure"], 250.0)
        self.assertEqual(info["available"], 750.0)
        self.assertEqual(info["components"]["receivable"]["amount"], 250.0)
        self.assertFalse(info["on_hold"])
        self.assertEqual(self.dealer.b2b_credit_available, 750.0)
        self.assertEqual(self.contact.b2b_credit_exposure, 250.0)

    @freeze_time("2026-03-01")
    def test_overdue_beyond_grace(self):
        # 4 days overdue: within the 10 days of grace.
        self._invoice(100.0, date="2026-01-01", due="2026-02-25")
        self.assertEqual(self._exposure()["overdue"], 0.0)
        # 19 days overdue: beyond the grace.
        self._invoice(60.0, date="2026-01-01", due="2026-02-10")
        self.assertEqual(self._exposure()["overdue"], 60.0)
        self.assertEqual(self.dealer._b2b_credit_info()["overdue"], 60.0)

    def test_portal_user_reads_own_credit(self):
        portal = new_test_user(
            self.env,
            login="b2b_credit_portal",
            groups="base.group_portal",
            partner_id=self.contact.id,
        )
        self._invoice(250.0, date="2026-01-05", due="2026-01-20")
        self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold("Audit")
        dealer = portal.partner_id.with_user(portal).commercial_partner_id
        info = dealer._b2b_credit_info(self.company)
        self.assertEqual(info["exposure"], 250.0)
        self.assertEqual(info["available"], 750.0)
        self.assertTrue(info["on_hold"])
        self.assertEqual(info["hold_reason"], "Audit")
        statement = dealer._b2b_credit_statement("2026-01-01", "2026-01-31")
        self.assertEqual(statement["closing_balance"], 250.0)
        self.assertEqual(len(statement["lines"]), 1)
