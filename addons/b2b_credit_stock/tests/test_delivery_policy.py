# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bCreditStockCommon

# Exposure after the order of 500 is confirmed (limit 1,000).
# situation: (extra invoice, overdue?, on hold?)
SITUATIONS = {
    "under": (0.0, False, False),
    "at": (500.0, False, False),
    "over": (600.0, False, False),
    "overdue": (10.0, True, False),
    "hold": (0.0, False, True),
}
EXPECTED = {
    "none": {"block": set(), "warn": set()},
    "warn": {"block": set(), "warn": {"over", "overdue", "hold"}},
    "block": {"block": {"over", "overdue", "hold"}, "warn": set()},
}


@tagged("post_install", "-at_install")
class TestB2bCreditDeliveryPolicy(B2bCreditStockCommon):
    def _prepare(self, situation, name):
        extra, overdue, hold = SITUATIONS[situation]
        dealer = self._create_dealer(name)
        order = self._order(5, partner=dealer, confirm=True)
        if extra:
            self._invoice(
                extra,
                partner=dealer,
                date="2025-01-01" if overdue else "2026-01-05",
                due="2025-01-31" if overdue else None,
            )
        if hold:
            dealer.with_user(self.credit_manager)._b2b_credit_set_hold("Dispute")
        return order, self._ready_delivery(order)

    def test_delivery_stage_table(self):
        for policy, expected in EXPECTED.items():
            for situation in SITUATIONS:
                with self.subTest(policy=policy, situation=situation):
                    self._set_policy("delivery", policy)
                    order, picking = self._prepare(situation, f"{policy} {situation}")
                    if situation in expected["block"]:
                        with self.assertRaises(UserError):
                            picking.button_validate()
                        self.assertNotEqual(picking.state, "done")
                        continue
                    picking.button_validate()
                    self.assertEqual(picking.state, "done")
                    warned = any(
                        "Credit warning" in (m.body or "") for m in order.message_ids
                    )
                    self.assertEqual(warned, situation in expected["warn"])
