# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bCreditCommon

MAX_QUERIES = 6


@tagged("post_install", "-at_install")
class TestB2bCreditQueryCount(B2bCreditCommon):
    def _decision_queries(self, dealer):
        self.env.invalidate_all()
        # What every request has in cache already: its user, company and
        # language (used to format the amounts of the message).
        self.env.user.mapped("tz")
        self.company.currency_id.mapped("rounding")
        self.env["res.lang"]._lang_get(self.env.user.lang).mapped("decimal_point")
        # Registry caches (warm in any running server): Odoo's default limit.
        partners = self.env["res.partner"]
        partners._fields["credit_limit"].get_company_dependent_fallback(partners)
        with self._count_queries() as counter:
            exposure = dealer._b2b_credit_exposure(self.company)
            decision = dealer._b2b_credit_evaluate(
                "invoice", self.company, 5000.0, exposure
            )
            dealer._b2b_credit_guard(self.company)
        return counter["count"], decision

    def test_constant_queries(self):
        empty = self._create_dealer("Empty dealer")
        self._set_policy("invoice", "block")
        self._decision_queries(empty)  # fills registry caches (rules, defaults)
        queries_empty, decision = self._decision_queries(empty)
        self.assertEqual(decision["result"], "block")
        self.assertEqual(decision["exposure"], 0.0)
        self._set_policy("invoice", "none")
        for _i in range(30):
            self._invoice(40.0, post=False)
        self._invoice(10.0)
        self._set_policy("invoice", "block")
        queries_busy, decision = self._decision_queries(self.dealer)
        self.assertEqual(decision["result"], "block")
        self.assertEqual(decision["exposure"], 1210.0)
        self.assertEqual(queries_empty, queries_busy)
        self.assertLessEqual(queries_busy, MAX_QUERIES)

    def test_no_query_when_policy_off(self):
        draft = self._invoice(100.0, post=False)
        self.env.invalidate_all()
        draft.commercial_partner_id.b2b_tier_id.mapped("b2b_credit_policy_invoice")
        draft.company_id.mapped("b2b_credit_policy_invoice")
        with self._count_queries() as counter:
            decisions = draft._b2b_credit_enforce("invoice")
        self.assertEqual(decisions, [])
        self.assertEqual(counter["count"], 0)
