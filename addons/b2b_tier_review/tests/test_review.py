# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import tagged

from .common import REF, B2bTierReviewCommon


@tagged("post_install", "-at_install")
class TestTierReview(B2bTierReviewCommon):
    """The review's rule: upgrade at once, downgrade after the grace period
    with a warning, hysteresis, overrides; automatic and approval modes."""

    # ------------------------------------------------------------------
    # Upgrades
    # ------------------------------------------------------------------
    def test_upgrade_applied_at_once(self):
        self._invoice(self.dealer, 250000.0)
        self._invoice(self.dealer, 60000.0)
        self._invoice(self.dealer, 5000.0, move_type="out_refund")
        self._run()
        self.assertEqual(self.dealer.b2b_tier_id, self.gold)
        proposal = self.Proposal.search([("partner_id", "=", self.dealer.id)])
        self.assertEqual(proposal.state, "applied")
        self.assertEqual(proposal.kind, "upgrade")
        self.assertEqual(proposal.volume, 305000.0)
        self.assertEqual(proposal.effective_date, REF)

    def test_upgrade_skips_levels(self):
        dealer = self._dealer("Jumper", "TR-J", self.standard)
        self._invoice(dealer, 400000.0)
        self._run()
        self.assertEqual(dealer.b2b_tier_id, self.gold)

    def test_volume_outside_the_12_months_does_not_count(self):
        self._invoice(self.dealer, 400000.0, day=datetime.date(2025, 6, 30))
        self._invoice(self.dealer, 95000.0, day=datetime.date(2025, 7, 1))
        decisions = self.Review._b2b_compute(self.company, REF)
        self.assertFalse(decisions, "95,000 keeps Silver; the old invoice is out")

    def test_approval_mode_waits_for_a_manager(self):
        self.company.b2b_tier_review_mode = "approve"
        self._invoice(self.dealer, 320000.0)
        self._run()
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        proposal = self._open()
        self.assertEqual(proposal.state, "to_approve")
        self.assertEqual(proposal.tier_to_id, self.gold)
        # the next review keeps the same proposal, with the new volume
        self._invoice(self.dealer, 10000.0)
        self._run(self._days(1))
        self.assertEqual(self._open(), proposal)
        self.assertEqual(proposal.volume, 330000.0)
        proposal.with_user(self.manager).action_approve()
        self.assertEqual(proposal.state, "applied")
        self.assertEqual(proposal.decided_by_id, self.manager)
        self.assertEqual(self.dealer.b2b_tier_id, self.gold)

    def test_rejected_proposal_changes_nothing(self):
        self.company.b2b_tier_review_mode = "approve"
        self._invoice(self.dealer, 320000.0)
        self._run()
        proposal = self._open()
        proposal.with_user(self.manager).action_reject()
        self.assertEqual(proposal.state, "rejected")
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        self.assertFalse(self.Change.search([("partner_id", "=", self.dealer.id)]))

    # ------------------------------------------------------------------
    # Downgrades: grace period and warning
    # ------------------------------------------------------------------
    def test_downgrade_only_after_the_grace_period(self):
        self._invoice(self.dealer, 50000.0)
        self._run()
        proposal = self._open()
        self.assertEqual(proposal.state, "grace")
        self.assertEqual(proposal.tier_to_id, self.standard)
        self.assertEqual(proposal.below_since, REF)
        self.assertEqual(proposal.effective_date, self._days(60))
        self._run(self._days(30))
        self.assertEqual(self._open(), proposal, "the same proposal is followed")
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        self._run(self._days(59))
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        self._run(self._days(60))
        self.assertEqual(proposal.state, "applied")
        self.assertEqual(self.dealer.b2b_tier_id, self.standard)

    def test_warning_14_days_before(self):
        self._invoice(self.dealer, 50000.0)
        self._run()
        proposal = self._open()
        Activity = self.env["mail.activity"]
        domain = [("res_model", "=", "res.partner"), ("res_id", "=", self.dealer.id)]
        self._run(self._days(45))
        self.assertFalse(Activity.search(domain), "15 days before: no warning yet")
        self._run(self._days(46))
        activity = Activity.search(domain)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.rep)
        self.assertEqual(activity.date_deadline, self._days(60))
        self.assertEqual(proposal.warning_date, self._days(46))
        self.assertEqual(proposal.activity_id, activity)
        self._run(self._days(50))
        self.assertEqual(len(Activity.search(domain)), 1, "warned once")

    def test_recovery_cancels_the_downgrade_and_its_warning(self):
        self._invoice(self.dealer, 50000.0)
        self._run()
        proposal = self._open()
        self._run(self._days(50))
        self.assertTrue(proposal.activity_id)
        activity_id = proposal.activity_id.id
        self._invoice(self.dealer, 45000.0, day=self._days(51))
        self._run(self._days(52))
        self.assertEqual(proposal.state, "cancelled")
        self.assertFalse(self.env["mail.activity"].browse(activity_id).exists())
        self._run(self._days(60))
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)

    def test_downgrade_in_approval_mode_after_grace(self):
        self.company.b2b_tier_review_mode = "approve"
        self._run()
        proposal = self._open()
        self.assertEqual(proposal.state, "grace")
        self._run(self._days(60))
        self.assertEqual(proposal.state, "to_approve")
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        proposal.with_user(self.manager).action_approve()
        self.assertEqual(self.dealer.b2b_tier_id, self.standard)

    def test_no_grace_downgrades_at_once(self):
        self.company.b2b_tier_review_grace_days = 0
        self._run()
        self.assertEqual(self.dealer.b2b_tier_id, self.standard)

    def test_downgrade_target_keeps_the_margin(self):
        """From Gold, 95,000 (above Silver's line 90,000) lands in Silver."""
        dealer = self._dealer("Falling", "TR-F", self.gold)
        self._invoice(dealer, 95000.0)
        self.company.b2b_tier_review_grace_days = 0
        self._run()
        self.assertEqual(dealer.b2b_tier_id, self.silver)

    # ------------------------------------------------------------------
    # Hysteresis
    # ------------------------------------------------------------------
    def test_hysteresis_near_a_boundary(self):
        """Silver at 100,000, margin 10 %: 92,000 keeps Silver review after
        review; 299,999 is not Gold; a Gold dealer at exactly 270,000 (Gold's
        line) stays Gold; 89,999 starts the grace period."""
        self._invoice(self.dealer, 92000.0, day=REF)
        for day in range(6):
            self._run(self._days(day))
        self.assertFalse(self._open())
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        self._invoice(self.dealer, 207999.0, day=REF)
        self._run()
        self.assertEqual(self.dealer.b2b_tier_id, self.silver, "299,999 < 300,000")
        upgraded = self._dealer("Just up", "TR-U", self.silver)
        self._invoice(upgraded, 300000.0)
        self._run()
        self.assertEqual(upgraded.b2b_tier_id, self.gold)
        self._invoice(upgraded, 30000.0, move_type="out_refund", day=REF)
        self._run(self._days(1))
        self.assertEqual(upgraded.b2b_tier_id, self.gold, "270,000: on the line")
        self.assertFalse(self._open(upgraded))
        # 92,000 + 207,999 - 210,000 = 89,999: below Silver's line
        self._invoice(self.dealer, 210000.0, move_type="out_refund", day=REF)
        self._run(self._days(2))
        self.assertEqual(self._open().state, "grace")
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)

    # ------------------------------------------------------------------
    # Overrides
    # ------------------------------------------------------------------
    def _override(self, dealer, tier, until, reason="Yearly agreement"):
        wizard = (
            self.env["res.partner.tier.override"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": dealer.id,
                    "tier_id": tier.id,
                    "date_end": until,
                    "reason": reason,
                }
            )
        )
        wizard.action_confirm()

    def test_override_respected_until_it_ends(self):
        self._run()  # no volume: a downgrade in grace
        self.assertTrue(self._open())
        until = datetime.date.today() + datetime.timedelta(days=100)
        self._override(self.dealer, self.gold, until)
        self.assertEqual(self.dealer.b2b_tier_id, self.gold)
        self.assertFalse(self._open(), "the override cancels the open proposals")
        self.company.b2b_tier_review_grace_days = 0
        self._run(until)
        self.assertEqual(self.dealer.b2b_tier_id, self.gold, "still overridden")
        self._run(until + datetime.timedelta(days=1))
        self.assertEqual(self.dealer.b2b_tier_id, self.standard, "override ended")

    def test_stale_proposal_replaced_after_manual_change(self):
        self.company.b2b_tier_review_mode = "approve"
        self._invoice(self.dealer, 320000.0)
        self._run()
        stale = self._open()
        self.dealer.with_user(self.manager).b2b_tier_id = self.standard
        self._run(self._days(1))
        self.assertEqual(stale.state, "cancelled")
        fresh = self._open()
        self.assertEqual(fresh.tier_from_id, self.standard)
        self.assertEqual(fresh.tier_to_id, self.gold)

    # ------------------------------------------------------------------
    # Scope and preview
    # ------------------------------------------------------------------
    def test_tiers_and_dealers_out_of_scope(self):
        strategic = self._dealer("By agreement", "TR-S", self.strategic)
        prospect = self._b2b_dealer(
            "Prospect", "TR-P", self.silver, company_id=self.company.id
        )
        self.company.b2b_tier_review_grace_days = 0
        self._run()
        self.assertEqual(strategic.b2b_tier_id, self.strategic)
        self.assertEqual(prospect.b2b_tier_id, self.silver)
        self.assertEqual(self.dealer.b2b_tier_id, self.standard)

    def test_preview_changes_nothing(self):
        self._invoice(self.dealer, 320000.0)
        wizard = (
            self.env["b2b.dealer.tier.review"]
            .with_user(self.manager)
            .create({"date": self._days(10)})
        )
        wizard.action_preview()
        self.assertEqual(len(wizard.line_ids), 1)
        self.assertEqual(wizard.line_ids.action, "upgrade")
        self.assertEqual(wizard.line_ids.tier_to_id, self.gold)
        self.assertEqual(wizard.line_ids.volume, 320000.0)
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        self.assertFalse(self.Proposal.search([("partner_id", "=", self.dealer.id)]))
        # a hypothetical date: a year later the invoice is out of the period
        wizard.date = REF + datetime.timedelta(days=400)
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.action, "grace")
        self.assertEqual(wizard.line_ids.tier_to_id, self.standard)

    def test_run_from_the_wizard(self):
        self._invoice(self.dealer, 320000.0, day=datetime.date.today())
        wizard = self.env["b2b.dealer.tier.review"].with_user(self.manager).create({})
        action = wizard.action_run()
        self.assertEqual(action["res_model"], "b2b.tier.proposal")
        self.assertEqual(self.dealer.b2b_tier_id, self.gold)
