# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import REF, B2bTierReviewCommon


@tagged("post_install", "-at_install")
class TestTierReviewQueryCount(B2bTierReviewCommon):
    """The review is set-based: the same number of queries for 10 and for
    60 dealers, in each step (preview, new proposals with upgrades applied,
    follow-up with warnings, due downgrades applied). With b2b_credit
    installed (the whole suite), this includes copying the new tier's credit
    terms onto the dealers and their contacts."""

    def _world(self, count, prefix):
        """``count`` dealers: a third climbs to Gold, a third falls from
        Gold, a third stays Silver; each with a contact."""
        dealers = self.env["res.partner"]
        for i in range(count):
            kind = i % 3
            tier = self.gold if kind == 1 else self.silver
            dealer = self._dealer(f"{prefix} {i}", f"{prefix}-{i}", tier)
            self.env["res.partner"].create(
                {"name": f"Buyer {i}", "parent_id": dealer.id}
            )
            amount = (350000.0, 50000.0, 150000.0)[kind]
            self._invoice(dealer, amount)
            dealers |= dealer
        return dealers

    def _count(self, func, *args, **kwargs):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func(*args, **kwargs)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _steps(self, dealers):
        ids = dealers.ids
        counts = [
            self._count(self.Review._b2b_compute, self.company, REF, partner_ids=ids),
            self._count(self.Review._b2b_run, self.company, REF, partner_ids=ids),
            self._count(
                self.Review._b2b_run, self.company, self._days(46), partner_ids=ids
            ),
            self._count(
                self.Review._b2b_run, self.company, self._days(60), partner_ids=ids
            ),
        ]
        return counts

    def test_same_queries_for_10_and_60_dealers(self):
        warm = self._world(3, "QW")
        few = self._world(10, "QF")
        many = self._world(60, "QM")
        self._steps(warm)  # warm the ormcaches
        counts_few = self._steps(few)
        counts_many = self._steps(many)
        self.assertEqual(counts_few, counts_many)
        # and the review did its job on both
        for dealers in (few, many):
            tiers = dealers.mapped("b2b_tier_id")
            self.assertEqual(tiers, self.gold | self.standard | self.silver)
        self.assertEqual(
            self.Change.search_count([("partner_id", "in", many.ids)]),
            40,
            "20 upgrades and 20 downgrades audited",
        )
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "in", many.ids)]
            ),
            20,
        )
