# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPortalQueryCountMixin
from odoo.addons.b2b_portal_approval.controllers.portal import B2bPortalApproval

from .common import B2bPortalApprovalCommon

_logger = logging.getLogger(__name__)

MAX_QUERIES = 40
# Queries of the approvals counter (/my/counters): delegations, count.
MAX_CARD_QUERIES = 3


@tagged("post_install", "-at_install")
class TestPortalApprovalQueryCount(B2bPortalQueryCountMixin, B2bPortalApprovalCommon):
    """The inbox issues a bounded number of queries, the same with a few and
    with many requests waiting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._submit(cls.purchaser, 10)
        for _i in range(12):
            cls._submit(cls.purchaser_b, 10)

    def _count(self, login, url):
        return self._b2b_count_warm(url, login)

    def _card_counter(self):
        """Count the queries of the approvals counter (/my/counters)."""
        return self._b2b_method_counter(B2bPortalApproval, "_b2b_approval_count")

    def test_query_count_inbox(self):
        few, html_few = self._count(self.approver.login, "/my/b2b/approvals")
        many, html_many = self._count(self.approver_b.login, "/my/b2b/approvals")
        _logger.info("Approvals inbox: %s queries (1 request), %s (12)", few, many)
        self.assertEqual(html_few.count('name="b2b_approval_item"'), 1)
        self.assertEqual(html_many.count('name="b2b_approval_item"'), 12)
        self.assertLessEqual(few, MAX_QUERIES)
        self.assertEqual(few, many)

    def test_query_count_home_card(self):
        counts = []
        for user in (self.approver, self.approver_b):
            with self._card_counter() as card:
                total, html = self._count(user.login, "/my/home")
                self.assertIn('id="b2b_approval_card"', html)
                self.assertEqual(card["count"], 0, "the count is not in the page")
                for _i in range(2):  # the last call is measured (warm)
                    self.make_jsonrpc_request(
                        "/my/counters", {"counters": ["b2b_approval_count"]}
                    )
                self.assertLessEqual(card["count"], MAX_CARD_QUERIES)
            counts.append((total, card["count"]))
        _logger.info("Home page: %s queries; approvals counter %s", *counts[0])
        self.assertEqual(counts[0], counts[1])
        # The whole page, Odoo's portal and b2b_portal's own cards included.
        self.assertLessEqual(counts[0][0], MAX_QUERIES)
