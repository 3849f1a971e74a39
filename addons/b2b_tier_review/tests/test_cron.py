# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from .common import B2bTierReviewCommon


@tagged("post_install", "-at_install")
class TestTierReviewCron(B2bTierReviewCommon):
    """The daily job: a full review monthly, the dealers in grace daily."""

    def test_monthly_full_review_and_daily_grace(self):
        self.company.b2b_tier_review_grace_days = 30
        Review = self.env["b2b.tier.review"]
        Review._b2b_cron(today=date(2026, 6, 30))
        self.assertEqual(self.company.b2b_tier_review_next_date, date(2026, 7, 1))
        proposal = self._open()
        self.assertEqual(proposal.effective_date, date(2026, 7, 30))
        Review._b2b_cron(today=date(2026, 7, 1))
        self.assertEqual(self.company.b2b_tier_review_next_date, date(2026, 8, 1))
        # between two full reviews an upgrade waits for the next one...
        climber = self._dealer("Climber", "TR-C", self.standard)
        self._invoice(climber, 150000.0, day=date(2026, 7, 1))
        Review._b2b_cron(today=date(2026, 7, 2))
        self.assertEqual(climber.b2b_tier_id, self.standard)
        # ... while the dealer in grace is followed every day
        Review._b2b_cron(today=date(2026, 7, 15))
        self.assertFalse(proposal.warning_date)
        Review._b2b_cron(today=date(2026, 7, 16))
        self.assertEqual(proposal.warning_date, date(2026, 7, 16))
        Review._b2b_cron(today=date(2026, 7, 30))
        self.assertEqual(self.dealer.b2b_tier_id, self.standard)
        Review._b2b_cron(today=date(2026, 8, 1))
        self.assertEqual(climber.b2b_tier_id, self.silver)
        self.assertEqual(self.company.b2b_tier_review_next_date, date(2026, 9, 1))

    def test_cron_record_calls_the_job(self):
        cron = self.env.ref("b2b_tier_review.ir_cron_b2b_tier_review")
        self.assertEqual(cron.code.strip(), "model._b2b_cron()")
        self.assertEqual(cron.model_id.model, "b2b.tier.review")
