# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bCreditSaleCommon

MAX_DECISION_QUERIES = 6
MAX_CONFIRM_OVERHEAD = 15


@tagged("post_install", "-at_install")
class TestB2bCreditSaleQueryCount(B2bCreditSaleCommon):
    def _enforce_queries(self, order):
        """Queries of the credit decision on ``order``, with what any request
        has in cache already (user, company, language, the order itself)."""
        self.env.invalidate_all()
        self.env.user.mapped("tz")
        self.company.currency_id.mapped("rounding")
        self.env["res.lang"]._lang_get(self.env.user.lang).mapped("decimal_point")
        order.mapped("amount_total")
        order.mapped("currency_rate")
        # Registry caches (warm in any running server): Odoo's default limit.
        partners = self.env["res.partner"]
        partners._fields["credit_limit"].get_company_dependent_fallback(partners)
        with self._count_queries() as counter:
            try:
                decisions = order._b2b_credit_enforce("order")
            except UserError:
                decisions = "block"
        self.queries = counter["queries"]
        return counter["count"], decisions

    def test_decision_queries_constant(self):
        empty = self._create_dealer("No history")
        small = self._order(1, partner=empty)
        big = self._order(20, partner=empty)
        for _i in range(25):
            self._order(1, confirm=True)
        for _i in range(10):
            self._invoice(10.0)
        busy = self._order(1)
        self._set_policy("order", "block")
        counts = {}
        # The first decision fills registry caches (record rules, defaults)
        # that any running server has warm.
        self._enforce_queries(small)
        counts["empty pass"], result = self._enforce_queries(small)
        self.assertEqual(result[0]["result"], "pass")
        self.assertEqual(result[0]["exposure"], 0.0)
        pass_queries = self.queries
        counts["empty block"], result = self._enforce_queries(big)
        self.assertEqual(result, "block")
        counts["busy block"], result = self._enforce_queries(busy)
        self.assertEqual(result, "block")
        self.assertEqual(self._exposure()["total"], 2600.0)
        self.assertEqual(counts["empty block"], counts["busy block"], counts)
        self.assertLessEqual(
            max(counts.values()), MAX_DECISION_QUERIES, (counts, pass_queries)
        )

    def _confirm_queries(self, qty):
        order = self._order(qty)
        self.env.flush_all()
        with self._count_queries() as counter:
            order.action_confirm()
            self.env.flush_all()
        self.assertEqual(order.state, "sale")
        return counter["count"]

    def test_confirmation_overhead(self):
        self.tier.b2b_credit_limit = 1e9
        self._confirm_queries(1)  # warm up the caches
        plain = self._confirm_queries(1)
        self._set_policy("order", "block")
        self._set_policy("quotation", "block")
        self._confirm_queries(1)
        enforced = self._confirm_queries(1)
        self.assertLessEqual(enforced - plain, MAX_CONFIRM_OVERHEAD)
