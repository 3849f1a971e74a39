# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bCreditCommon


@tagged("post_install", "-at_install")
class TestB2bCreditHoldMultiCompany(B2bCreditCommon):
    """Holds are per company: a hold in one company blocks nothing in another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_data_2 = cls.setup_other_company()
        cls.company_2 = cls.company_data_2["company"]
        cls.dealer.with_company(
            cls.company_2
        ).property_account_receivable_id = cls.company_data_2[
            "default_account_receivable"
        ]
        cls.credit_manager.company_ids = [Command.link(cls.company_2.id)]

    def _held(self, company):
        return self.dealer.with_company(company).b2b_credit_hold

    def test_manual_hold_is_per_company(self):
        manager = self.dealer.with_user(self.credit_manager)
        manager._b2b_credit_set_hold("Bounced cheque", company=self.company)
        self.assertTrue(self._held(self.company))
        self.assertFalse(self._held(self.company_2))
        self.assertEqual(
            self.dealer.with_company(self.company).b2b_credit_hold_reason,
            "Bounced cheque",
        )
        self.assertFalse(
            self.dealer.with_company(self.company_2).b2b_credit_hold_reason
        )
        # the decision of company 2 does not see the hold of company 1
        in_1 = self.dealer._b2b_credit_evaluate("order", self.company, 10.0)
        in_2 = self.dealer._b2b_credit_evaluate("order", self.company_2, 10.0)
        self.assertEqual(in_1["reasons"], ["hold"])
        self.assertEqual(in_1["result"], "block")
        self.assertEqual(in_2["reasons"], [])
        self.assertEqual(in_2["result"], "pass")
        self.assertTrue(self.dealer._b2b_credit_info(self.company)["on_hold"])
        self.assertFalse(self.dealer._b2b_credit_info(self.company_2)["on_hold"])
        audit = self.env["b2b.credit.audit"].search(
            [("partner_id", "=", self.dealer.id), ("event", "=", "hold")]
        )
        self.assertEqual(audit.company_id, self.company)
        # releasing in company 2 leaves the hold of company 1
        manager._b2b_credit_set_hold("Dispute", company=self.company_2)
        manager._b2b_credit_release_hold("Settled", company=self.company_2)
        self.assertTrue(self._held(self.company))
        self.assertFalse(self._held(self.company_2))

    def test_hold_in_a_company_of_another_user_is_refused(self):
        self.credit_manager.company_ids = [Command.unlink(self.company_2.id)]
        with self.assertRaises(AccessError):
            self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold(
                "Late", company=self.company_2
            )
        self.assertFalse(self._held(self.company_2))

    def test_automatic_hold_per_company(self):
        self.company.b2b_credit_auto_hold = True
        self.company_2.b2b_credit_auto_hold = True
        self._invoice(300.0, date="2026-01-01", due="2026-02-10")
        Partner = self.env["res.partner"]
        with freeze_time("2026-03-01"):  # 19 days late in company 1 only
            Partner._b2b_credit_cron_auto_hold()
        self.assertTrue(self._held(self.company))
        self.assertEqual(
            self.dealer.with_company(self.company).b2b_credit_hold_type, "auto"
        )
        self.assertFalse(self._held(self.company_2))
        # overdue in company 2 as well: held there too, by the same job
        self._invoice(
            200.0, date="2026-01-01", due="2026-02-10", company=self.company_2
        )
        with freeze_time("2026-03-01"):
            Partner._b2b_credit_cron_auto_hold()
        self.assertTrue(self._held(self.company_2))
        audits = self.env["b2b.credit.audit"].search(
            [("partner_id", "=", self.dealer.id), ("event", "=", "auto_hold")]
        )
        self.assertEqual(audits.company_id, self.company | self.company_2)
        # company 2 stops automatic holds: its hold is released, not company 1's
        self.company_2.b2b_credit_auto_hold = False
        with freeze_time("2026-03-02"):
            Partner._b2b_credit_cron_auto_hold()
        self.assertTrue(self._held(self.company))
        self.assertFalse(self._held(self.company_2))

    def test_automatic_hold_is_opt_in_per_company(self):
        self.company_2.b2b_credit_auto_hold = True
        self._invoice(300.0, date="2026-01-01", due="2026-02-10")
        with freeze_time("2026-03-01"):
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
        self.assertFalse(self._held(self.company))
        self.assertFalse(self._held(self.company_2))
