# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bTierReviewCommon


@tagged("post_install", "-at_install")
class TestTierReviewAccess(B2bTierReviewCommon):
    """Salespeople read their own dealers' proposals and history; only
    dealer managers decide, preview and override; portal users read their
    own dealer's history; nobody writes the audit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.b2b_tier_review_mode = "approve"
        cls.other = cls._dealer("Other Rep's", "TR-O", cls.silver, user=cls.rep_other)
        cls._invoice(cls.dealer, 320000.0)
        cls._invoice(cls.other, 320000.0)
        cls.Review._b2b_run(cls.company, datetime.date(2026, 6, 30))
        cls.mine = cls.Proposal.search([("partner_id", "=", cls.dealer.id)])
        cls.theirs = cls.Proposal.search([("partner_id", "=", cls.other.id)])
        cls.buyer = cls._b2b_buyer(cls.dealer, "tr_buyer")
        cls.other_buyer = cls._b2b_buyer(cls.other, "tr_other_buyer")

    def test_salesperson_sees_own_dealers_only(self):
        proposals = self.Proposal.with_user(self.rep).search([])
        self.assertIn(self.mine, proposals)
        self.assertNotIn(self.theirs, proposals)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.rep).action_approve()
        with self.assertRaises(AccessError):
            self.mine.with_user(self.rep).write({"state": "applied"})
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)

    def test_salesperson_cannot_preview_or_override(self):
        with self.assertRaises(AccessError):
            self.env["b2b.dealer.tier.review"].with_user(self.rep).create({})
        with self.assertRaises(AccessError):
            self.env["res.partner.tier.override"].with_user(self.rep).create(
                {
                    "partner_id": self.dealer.id,
                    "tier_id": self.gold.id,
                    "date_end": datetime.date.today(),
                    "reason": "x",
                }
            )

    def test_manager_decides_and_history_is_read_only(self):
        (self.mine | self.theirs).with_user(self.manager).action_approve()
        changes = self.Change.with_user(self.manager).search(
            [("partner_id", "in", (self.dealer | self.other).ids)]
        )
        self.assertEqual(len(changes), 2)
        with self.assertRaises(AccessError):
            changes.with_user(self.manager).write({"reason": "manual"})
        with self.assertRaises(AccessError):
            changes.with_user(self.manager).unlink()
        with self.assertRaises(AccessError):
            self.Change.with_user(self.manager).create(
                {
                    "partner_id": self.dealer.id,
                    "company_id": self.company.id,
                    "reason": "manual",
                    "date": datetime.datetime.now(),
                }
            )
        own = self.Change.with_user(self.rep).search([])
        self.assertEqual(own.partner_id, self.dealer)

    def test_portal_user_reads_own_dealer_history_only(self):
        (self.mine | self.theirs).with_user(self.manager).action_approve()
        changes = self.Change.with_user(self.buyer).search([])
        self.assertEqual(changes.partner_id, self.dealer)
        self.assertEqual(changes.tier_after_id.with_user(self.buyer).name, "Gold")
        theirs = self.Change.search([("partner_id", "=", self.other.id)])
        with self.assertRaises(AccessError):
            theirs.with_user(self.buyer).read(["volume"])
        with self.assertRaises(AccessError):
            self.Proposal.with_user(self.buyer).search([])
