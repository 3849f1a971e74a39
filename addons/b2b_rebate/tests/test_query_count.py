# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo.tests import tagged

from .common import DAY, Q2, B2bRebateCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestQueryCount(B2bRebateCommon):
    """The accrual is set-based: the same number of queries for 1 and for
    30 dealers, on the first computation (accruals created) and on a
    recomputation that changes every dealer's figures."""

    def _world(self, count, prefix):
        dealers = self.env["res.partner"]
        for i in range(count):
            dealer = self._dealer(f"{prefix} {i}", f"{prefix}-{i}", self.gold)
            self._invoice(dealer, [(self.cup, 1, 500.0 + 1000.0 * (i % 4))])
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
        compute = self.programme._b2b_compute_period
        first = self._count(compute, *Q2, dealers.ids)
        for dealer in dealers:
            self._invoice(dealer, [(self.mug, 1, 700.0)])
        self.env["b2b.rebate.dirty"].search([]).unlink()
        again = self._count(compute, *Q2, dealers.ids)
        return first, again

    def test_same_queries_for_1_and_30_dealers(self):
        self._steps(self._world(2, "QW"))  # warm the caches
        one = self._world(1, "Q1")
        many = self._world(30, "Q30")
        counts_one = self._steps(one)
        counts_many = self._steps(many)
        _logger.info(
            "Accrual of a period (create, update): %s queries for 1 dealer, "
            "%s for 30",
            counts_one,
            counts_many,
        )
        self.assertEqual(counts_one, counts_many)
        accruals = self.Accrual.search(
            [("partner_id", "in", many.ids), ("period_start", "=", Q2[0])]
        )
        self.assertEqual(len(accruals), 30)
        self.assertEqual(
            sorted(set(accruals.mapped("amount"))), [1200.0, 2200.0, 3200.0, 4200.0]
        )

    def test_job_for_queued_dealers(self):
        Dirty = self.env["b2b.rebate.dirty"]
        self.programme._b2b_compute(day=DAY)
        counts = []
        for count, prefix in ((1, "J1"), (30, "J30")):
            self._world(count, prefix)
            counts.append(self._count(Dirty._b2b_process))
        _logger.info("Queued recompute: %s queries for 1 dealer, %s for 30", *counts)
        self.assertEqual(counts[0], counts[1])
