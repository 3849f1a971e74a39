# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import B2bCreditCommon


@tagged("post_install", "-at_install")
class TestB2bCreditHold(B2bCreditCommon):
    def _audit(self, dealer=None, event=None):
        domain = [("partner_id", "=", (dealer or self.dealer).id)]
        if event:
            domain.append(("event", "=", event))
        return self.env["b2b.credit.audit"].search(domain)

    def test_manual_hold_needs_manager_and_reason(self):
        with self.assertRaises(AccessError):
            self.dealer.with_user(self.invoicer)._b2b_credit_set_hold("Late")
        with self.assertRaises(UserError):
            self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold("  ")
        self.contact.with_user(self.credit_manager)._b2b_credit_set_hold("Late")
        self.assertTrue(self.dealer.b2b_credit_hold)
        self.assertEqual(self.dealer.b2b_credit_hold_type, "manual")
        self.assertEqual(self.dealer.b2b_credit_hold_user_id, self.credit_manager)
        audit = self._audit(event="hold")
        self.assertEqual(len(audit), 1)
        self.assertEqual(audit.user_id, self.credit_manager)
        self.assertEqual(audit.reason, "Late")
        self.assertEqual(audit.value_before, "No hold")
        self.assertTrue(audit.date)
        with self.assertRaises(AccessError):
            audit.with_user(self.credit_manager).write({"reason": "edited"})

    def test_release_by_wizard(self):
        self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold("Late")
        wizard = (
            self.env["res.partner.credit.hold"]
            .with_user(self.credit_manager)
            .create({"partner_id": self.dealer.id, "mode": "release", "reason": "Paid"})
        )
        wizard.action_confirm()
        self.assertFalse(self.dealer.b2b_credit_hold)
        audit = self._audit(event="release")
        self.assertEqual(audit.value_after, "Released")
        self.assertEqual(audit.reason, "Paid")

    def test_auto_hold_and_release_on_payment(self):
        self.company.b2b_credit_auto_hold = True
        invoice = self._invoice(300.0, date="2026-01-01", due="2026-02-10")
        with freeze_time("2026-02-15"):  # 5 days late, grace 10
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
        self.assertFalse(self.dealer.b2b_credit_hold)
        with freeze_time("2026-03-01"):  # 19 days late
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
        self.assertTrue(self.dealer.b2b_credit_hold)
        self.assertEqual(self.dealer.b2b_credit_hold_type, "auto")
        self.assertEqual(len(self._audit(event="auto_hold")), 1)
        # Partial payment: still overdue, still on hold.
        with freeze_time("2026-03-02"):
            self._register_payment(invoice, 100.0, date="2026-03-02")
        self.assertTrue(self.dealer.b2b_credit_hold)
        # Paying the rest releases at once, without waiting for the job.
        with freeze_time("2026-03-03"):
            self._register_payment(invoice, 200.0, date="2026-03-03")
        self.assertFalse(self.dealer.b2b_credit_hold)
        self.assertEqual(len(self._audit(event="auto_release")), 1)

    def test_auto_release_by_cron_and_manual_hold_kept(self):
        self.company.b2b_credit_auto_hold = True
        self._invoice(300.0, date="2026-01-01", due="2026-02-10")
        with freeze_time("2026-03-01"):
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
            self.assertTrue(self.dealer.b2b_credit_hold)
            # A longer grace period makes the invoice tolerable again.
            self.dealer.b2b_credit_grace_days = 60
            self.assertTrue(self.dealer.b2b_credit_own_grace)
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
            self.assertFalse(self.dealer.b2b_credit_hold)
            self.dealer.b2b_credit_grace_days = 0
            self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold("Manual")
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
            self.assertEqual(self.dealer.b2b_credit_hold_type, "manual")

    def test_auto_hold_is_opt_in(self):
        self._invoice(300.0, date="2026-01-01", due="2026-02-10")
        with freeze_time("2026-03-01"):
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
        self.assertFalse(self.dealer.b2b_credit_hold)

    def test_temporary_increase_expires(self):
        with freeze_time("2026-03-01"):
            with self.assertRaises(AccessError):
                self.dealer.with_user(self.invoicer)._b2b_credit_grant_increase(
                    500.0, self._today(), "Season"
                )
            wizard = (
                self.env["res.partner.credit.increase"]
                .with_user(self.credit_manager)
                .create(
                    {
                        "partner_id": self.dealer.id,
                        "amount": 500.0,
                        "expiry_date": "2026-03-10",
                        "reason": "Spring season",
                    }
                )
            )
            wizard.action_confirm()
            self.assertEqual(self.dealer._b2b_credit_limit(self.company), 1500.0)
            audit = self._audit(event="limit_increase")
            self.assertIn("1,000.00", audit.value_before)
            self.assertIn("1,500.00", audit.value_after)
            self.assertIn("2026-03-10", audit.value_after)
            self.assertEqual(audit.user_id, self.credit_manager)
        with freeze_time("2026-03-10"):
            self.assertEqual(self.dealer._b2b_credit_limit(self.company), 1500.0)
        with freeze_time("2026-03-11"):
            self.assertEqual(self.dealer._b2b_credit_limit(self.company), 1000.0)
            self.env["res.partner"]._b2b_credit_cron_auto_hold()
        self.assertFalse(self.dealer.b2b_credit_temp_expiry)
        self.assertEqual(self.dealer.b2b_credit_temp_increase, 0.0)

    def test_tier_defaults_and_own_values(self):
        self.assertEqual(self.dealer.credit_limit, 1000.0)
        self.assertEqual(self.dealer.property_payment_term_id, self.pay_terms_a)
        self.assertEqual(self.dealer.b2b_credit_grace_days, 10)
        self.tier.write({"b2b_credit_limit": 2000.0, "b2b_credit_grace_days": 15})
        self.assertEqual(self.dealer.credit_limit, 2000.0)
        self.assertEqual(self.dealer.b2b_credit_grace_days, 15)
        # The dealer's own limit survives tier changes.
        self.dealer.credit_limit = 3000.0
        self.assertTrue(self.dealer.b2b_credit_own_limit)
        silver = self.env["b2b.dealer.tier"].create(
            {
                "name": "Silver",
                "code": "B2B_CREDIT_SILVER",
                "b2b_credit_limit": 500.0,
                "b2b_credit_grace_days": 5,
                "b2b_payment_term_id": self.pay_terms_b.id,
            }
        )
        self.dealer.b2b_tier_id = silver
        self.assertEqual(self.dealer.credit_limit, 3000.0)
        self.assertEqual(self.dealer.b2b_credit_grace_days, 5)
        self.assertEqual(self.dealer.property_payment_term_id, self.pay_terms_b)
        # Giving up the own value takes the tier's again.
        self.dealer.b2b_credit_own_limit = False
        self.assertEqual(self.dealer.credit_limit, 500.0)
        # So does unticking Odoo's "Partner Limit".
        self.dealer.credit_limit = 800.0
        self.assertTrue(self.dealer.b2b_credit_own_limit)
        self.dealer.use_partner_credit_limit = False
        self.assertFalse(self.dealer.b2b_credit_own_limit)
        self.assertEqual(self.dealer.credit_limit, 500.0)

    def test_audit_visibility_follows_dealers(self):
        self.dealer.with_user(self.credit_manager)._b2b_credit_set_hold("Late")
        other_rep = new_test_user(self.env, login="b2b_credit_rep2")
        own_rep = new_test_user(
            self.env,
            login="b2b_credit_rep",
            groups="b2b_base.b2b_base_group_salesman_own",
        )
        self.dealer.user_id = other_rep
        Audit = self.env["b2b.credit.audit"]
        domain = [("partner_id", "=", self.dealer.id)]
        self.assertFalse(Audit.with_user(own_rep).search(domain))
        self.dealer.user_id = own_rep
        self.assertEqual(len(Audit.with_user(own_rep).search(domain)), 1)
        self.assertEqual(len(Audit.with_user(self.invoicer).search(domain)), 1)

    def test_overdue_amounts_batch_equals_the_credit_decision(self):
        """``_b2b_credit_overdue_amounts`` (the batch the dealer health job
        reads) gives each dealer the credit decision's overdue figure."""
        other = self._create_dealer("Dealer Two")
        contact_invoice = self._invoice(
            300.0, partner=self.contact, date="2026-01-01", due="2026-02-10"
        )
        self._invoice(50.0, date="2026-01-01", due="2026-02-25")  # within grace
        self._invoice(70.0, partner=other, date="2026-01-01", due="2026-01-20")
        self._register_payment(contact_invoice, 100.0, date="2026-01-10")
        with freeze_time("2026-03-01"):
            amounts = self.env["res.partner"]._b2b_credit_overdue_amounts(
                self.company, [self.dealer.id, other.id, self.customer.id]
            )
            self.assertEqual(amounts, {self.dealer.id: 200.0, other.id: 70.0})
            for dealer in self.dealer | other:
                self.assertEqual(
                    dealer.with_company(self.company).b2b_credit_overdue,
                    amounts[dealer.id],
                )
        self.assertEqual(
            self.env["res.partner"]._b2b_credit_overdue_amounts(self.company, []), {}
        )
