# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command
from odoo.tests import tagged

from .common import B2bApprovalSaleCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestQueryCount(B2bApprovalSaleCommon):
    """The approval decision adds a constant number of queries to the
    confirmation: ``_b2b_approval_submit`` is what ``action_confirm`` runs
    before Odoo's own confirmation."""

    def _queries(self, order):
        """Queries of the approval decision on ``order`` (warm ORM caches)."""
        for _warm in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            order._b2b_approval_submit()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        blocked = order._b2b_approval_submit()
        self.env.flush_all()
        return self.cr.sql_log_count - before, blocked

    def _add_rules(self, count):
        for i in range(count):
            self._create_rule(
                [
                    {
                        "approver_type": "user",
                        "user_ids": [Command.set(self.sales_manager.ids)],
                    }
                ],
                f"[('amount_untaxed', '>', {10**7 + i})]",
                name=f"Never {i}",
                tier_ids=[self.tier.id] if i % 2 == 0 else [],
            )

    def test_1_vs_20_rules(self):
        order = self._create_order(qty=1)
        self._add_rules(1)
        one, blocked = self._queries(order)
        self.assertFalse(blocked)
        self._add_rules(19)
        twenty, blocked = self._queries(order)
        self.assertFalse(blocked)
        _logger.info(
            "Approval decision: %s queries with 1 rule, %s with 20", one, twenty
        )
        self.assertEqual(one, twenty)
        self.assertLessEqual(one, 8)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_2_vs_50_lines(self):
        self._add_rules(20)
        small, large = self._create_order(lines=2), self._create_order(lines=50)
        two, _blocked = self._queries(small)
        fifty, _blocked = self._queries(large)
        _logger.info("Approval decision: %s queries for 2 lines, %s for 50", two, fifty)
        self.assertEqual(two, fifty)

    def test_matching_and_approved_2_vs_50_lines(self):
        """Orders that need (and got) an approval: still constant."""
        self._add_rules(20)
        self._create_rule(
            [
                {
                    "approver_type": "user",
                    "user_ids": [Command.set(self.sales_manager.ids)],
                }
            ],
            "[('amount_untaxed', '>', 50)]",
        )
        small, large = self._create_order(lines=2), self._create_order(lines=50)
        for order in small | large:
            order.action_confirm()
            request = order._b2b_approval_requests()
            request.with_user(self.sales_manager).action_approve()
        two, blocked_small = self._queries(small)
        fifty, blocked_large = self._queries(large)
        self.assertFalse(blocked_small | blocked_large)
        _logger.info("Approved order: %s queries for 2 lines, %s for 50", two, fifty)
        self.assertEqual(two, fifty)

    def test_no_rule_no_query(self):
        """Without rules on sales orders the approval costs no query at all."""
        order = self._create_order(qty=1)
        count, blocked = self._queries(order)
        self.assertFalse(blocked)
        self.assertEqual(count, 0)
