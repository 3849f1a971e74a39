# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPortalQueryCountMixin
from odoo.addons.b2b_portal_credit.controllers.portal import B2bPortalCredit

from .common import B2bPortalCreditCommon

_logger = logging.getLogger(__name__)

MAX_QUERIES = 40
# Queries the credit card adds to the home page (exposure, company-dependent
# fields of the dealer, currency, the tier's credit policy of the order
# decision that tells whether the dealer can order now).
MAX_CARD_QUERIES = 5
STATEMENT = "/my/b2b/statement?date_from=2026-02-01&date_to=2026-02-28"


@tagged("post_install", "-at_install")
class TestPortalCreditQueryCount(B2bPortalQueryCountMixin, B2bPortalCreditCommon):
    """The statement issues at most 40 queries and the credit card a constant
    handful, the same for a dealer with a few documents and one with many."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer_big = cls._create_dealer("Dealer Big")
        cls.finance_big = cls._b2b_buyer(cls.dealer_big, "pc_finance_big", ("finance",))
        for day in range(1, 26):
            invoice = cls._post_invoice(
                cls.dealer_big, 10.0 * day, f"2026-02-{day:02d}", f"2026-02-{day:02d}"
            )
            if day % 2:
                cls._pay(invoice, 5.0 * day, f"2026-02-{day:02d}")

    def _card_counter(self):
        """Count the queries of the credit card inside the home page."""
        return self._b2b_method_counter(B2bPortalCredit, "_b2b_credit_home_values")

    def _count(self, url, login):
        return self._b2b_count_warm(url, login)

    def test_query_count_statement(self):
        few, html_few = self._count(STATEMENT, self.finance.login)
        many, html_many = self._count(STATEMENT, self.finance_big.login)
        _logger.info("Statement page: %s queries (few), %s (many)", few, many)
        self.assertEqual(html_few.count('name="b2b_statement_line"'), 3)
        self.assertEqual(html_many.count('name="b2b_statement_line"'), 38)
        self.assertLessEqual(few, MAX_QUERIES)
        self.assertEqual(few, many)

    def test_query_count_home(self):
        counts = []
        for login in (self.finance.login, self.finance_big.login):
            with self._card_counter() as card:
                total, html = self._count("/my/home", login)
            self.assertIn('id="b2b_credit_card"', html)
            self.assertLessEqual(card["count"], MAX_CARD_QUERIES)
            counts.append((total, card["count"]))
        _logger.info("Home page: %s queries, of which the credit card %s", *counts[0])
        self.assertEqual(counts[0], counts[1])
        # The whole page, Odoo's portal and b2b_portal's own cards included.
        self.assertLessEqual(counts[0][0], MAX_QUERIES)
