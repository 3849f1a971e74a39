# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bApprovalCommon


@tagged("post_install", "-at_install")
class TestQueryCount(B2bApprovalCommon):
    """The decision costs the same number of queries whatever the number of
    rules that do not match."""

    def _count(self, doc):
        # Warm the ORM caches (access rights, record rules) and flush creations.
        for _warm in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            doc._b2b_approval_blocked()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        blocked = doc._b2b_approval_blocked()
        self.env.flush_all()
        return self.cr.sql_log_count - before, blocked

    def test_constant_with_rules(self):
        step = self._users_step(self.approver1)
        self._create_rule(
            [step], "[('amount', '>', 10000)]", name="R0", tier_ids=[self.tier_gold.id]
        )
        doc = self._create_doc(amount=10, discount=5, partner_id=self.dealer_gold.id)
        one, blocked = self._count(doc)
        self.assertFalse(blocked)
        for i in range(1, 20):
            self._create_rule(
                [step],
                f"[('amount', '>', {10000 + i}), ('discount', '>', {i})]",
                name=f"R{i}",
                tier_ids=[self.tier_gold.id] if i % 2 else [],
            )
        twenty, blocked = self._count(doc)
        self.assertFalse(blocked)
        self.assertEqual(one, twenty)
        self.assertLessEqual(one, 8)

    def test_constant_when_approved(self):
        """A matching, approved document: same cost with 1 and 20 rules."""
        step = self._users_step(self.approver1)
        self._create_rule([step], "[('amount', '>', 100)]", name="Matching")
        doc = self._create_doc(amount=1000, partner_id=self.dealer_gold.id)
        doc.action_confirm()
        self._approve_all(self._request(doc))
        one, blocked = self._count(doc)
        self.assertFalse(blocked)
        for i in range(1, 20):
            self._create_rule([step], f"[('amount', '>', {100000 + i})]", name=f"N{i}")
        twenty, blocked = self._count(doc)
        self.assertFalse(blocked)
        self.assertEqual(one, twenty)
