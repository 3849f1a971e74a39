# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import REF, B2bTierReviewCommon


@tagged("post_install", "-at_install")
class TestTierReviewMultiCompany(B2bTierReviewCommon):
    """Each company reviews its own dealers with its own entry volumes,
    settings and invoices; a company without the review changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "TR Company B"})
        cls.env.user.company_ids |= cls.company_b
        cls.manager.company_ids |= cls.company_b
        cls.dealer_b = cls._b2b_dealer(
            "Dealer of B",
            "TR-B1",
            cls.silver.copy({"code": "TR-SLV-B", "company_id": cls.company_b.id}),
            state="approved",
            company_id=cls.company_b.id,
        )
        cls.silver_b = cls.dealer_b.b2b_tier_id
        cls.standard_b = cls.standard.copy(
            {"code": "TR-STD-B", "company_id": cls.company_b.id}
        )
        for tier, threshold in ((cls.silver_b, 100000.0), (cls.standard_b, 0.0)):
            tier.with_company(cls.company_b).write(
                {"b2b_review_included": True, "b2b_review_threshold": threshold}
            )

    def test_company_without_review_changes_nothing(self):
        self.company.b2b_tier_review_grace_days = 0
        self.env["b2b.tier.review"]._b2b_cron(today=REF)
        self.assertEqual(self.dealer.b2b_tier_id, self.standard)
        self.assertEqual(self.dealer_b.b2b_tier_id, self.silver_b)
        self.assertFalse(self.Proposal.search([("company_id", "=", self.company_b.id)]))

    def test_each_company_its_own_dealers_and_settings(self):
        self.company_b.write(
            {"b2b_tier_review": True, "b2b_tier_review_grace_days": 30}
        )
        self.env["b2b.tier.review"]._b2b_cron(today=REF)
        proposal_a = self._open(self.dealer)
        proposal_b = self._open(self.dealer_b)
        self.assertEqual(proposal_a.company_id, self.company)
        self.assertEqual(proposal_b.company_id, self.company_b)
        self.assertEqual(proposal_a.effective_date, self._days(60))
        self.assertEqual(proposal_b.effective_date, self._days(30))
        self.assertEqual(proposal_b.tier_to_id, self.standard_b)
        # company A's tiers are not part of company B's ladder
        ladder_b = self.env["b2b.tier.review"]._b2b_ladder(self.company_b)
        self.assertFalse(ladder_b & (self.standard | self.silver | self.gold))

    def test_users_see_their_companies_only(self):
        self.company_b.b2b_tier_review = True
        self.env["b2b.tier.review"]._b2b_cron(today=REF)
        manager = self.manager.with_context(allowed_company_ids=[self.company.id])
        proposals = (
            self.Proposal.with_user(manager)
            .with_context(allowed_company_ids=[self.company.id])
            .search([])
        )
        self.assertIn(self._open(self.dealer), proposals)
        self.assertNotIn(self._open(self.dealer_b), proposals)
