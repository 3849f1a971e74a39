# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import MANAGER, B2bBaseCommon


@tagged("post_install", "-at_install")
class TestBatchWrite(B2bBaseCommon):
    """Changing the tier (a commercial field, synced to the contacts) of many
    dealers in one write costs the same queries for 10 and for 40 dealers,
    and still reaches every contact (Odoo's sync, read in one batch)."""

    def _dealers(self, count, prefix):
        dealers = self.Partner.create(
            [
                {
                    "name": f"{prefix} {i}",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_tier_id": self.tier_std.id,
                }
                for i in range(count)
            ]
        )
        self.Partner.create(
            [
                {"name": f"Buyer of {dealer.name}", "parent_id": dealer.id}
                for dealer in dealers
            ]
        )
        return dealers

    def _write_count(self, dealers, tier):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        dealers.with_user(self.manager).write({"b2b_tier_id": tier.id})
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_tier_write_flat(self):
        self.assertTrue(self.manager.has_group(MANAGER))
        warm, few, many = (
            self._dealers(3, "W"),
            self._dealers(10, "F"),
            self._dealers(40, "M"),
        )
        self._write_count(warm, self.tier_gold)
        self.assertEqual(
            self._write_count(few, self.tier_gold),
            self._write_count(many, self.tier_gold),
        )
        contacts = many.child_ids
        self.assertEqual(len(contacts), 40)
        self.assertEqual(contacts.mapped("b2b_tier_id"), self.tier_gold)
