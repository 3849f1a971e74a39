# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPortalQueryCountMixin

from .common import B2bDunningCommon

_logger = logging.getLogger(__name__)

MAX_QUERIES = 40


@tagged("post_install", "-at_install")
class TestDunningQueryCount(B2bPortalQueryCountMixin, B2bDunningCommon):
    """The daily job finds and logs the reminders and computes the fees in
    the same number of queries for 1 dealer and for 30; the portal home
    card costs the same for 1 invoice and for 30."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._policy()
        cls.single = cls._create_dealer("Dealer Single")
        cls.finance_single = cls._b2b_buyer(
            cls.single, "dn_finance_single", ("finance",)
        )
        cls._post_invoice(cls.single, 40.0, "2026-04-01", "2026-05-10")
        cls.many = cls.env["res.partner"]
        for index in range(30):
            dealer = cls._create_dealer(f"Dealer Many {index}")
            cls._b2b_buyer(dealer, f"dn_finance_{index}", ("finance",))
            cls._post_invoice(dealer, 10.0 + index, "2026-05-01", "2026-06-10")
            cls.many |= dealer
        cls.finance_many = cls._b2b_buyer(cls.many[0], "dn_finance_many", ("finance",))
        for day in range(2, 31):
            cls._post_invoice(cls.many[0], 10.0 * day, "2026-05-01", "2026-06-10")

    def _job(self, day):
        """(queries, reminders) of the job's set-based part on ``day``."""
        self.env.invalidate_all()
        with self._count_queries() as counted:
            self._compute_fees(day)
            reminders = self._plan(day)
        self.queries = counted["queries"]
        return counted["count"], reminders

    def test_job(self):
        # the invoices of Dealer One and Dealer Two first
        self._job("2026-05-01")
        few, reminders_few = self._job("2026-05-07")
        queries_few = self.queries
        self.assertEqual(reminders_few.dealer_id, self.single)
        many, reminders_many = self._job("2026-06-07")
        # Dealer Single: now overdue
        self.assertEqual(reminders_many.dealer_id, self.many | self.single)
        _logger.info("job: %s queries for 1 dealer, %s for 30", few, many)
        self.assertEqual(few, many, (queries_few, self.queries))
        # sending: a fixed cost per reminder (its e-mail and its statement)
        start = self.cr.sql_log_count
        reminders_many._b2b_send()
        _logger.info("sending 31 reminders: %s queries", self.cr.sql_log_count - start)
        self.assertEqual(set(reminders_many.mapped("state")), {"sent"})

    def test_home_card(self):
        self._job("2026-06-20")
        few, html_few = self._b2b_count_warm("/my", self.finance_single.login)
        many, html_many = self._b2b_count_warm("/my", self.finance_many.login)
        _logger.info("/my: %s queries (1 invoice), %s (30)", few, many)
        self.assertLessEqual(few, MAX_QUERIES)
        self.assertEqual(few, many)
        self.assertIn('id="b2b_dunning_card"', html_few)
        self.assertEqual(self._value(html_few, "b2b_dunning_overdue_count"), 1)
        self.assertEqual(self._value(html_many, "b2b_dunning_overdue_count"), 30)
