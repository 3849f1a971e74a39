# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.b2b_rebate.tests.common import B2bRebateCommon

FINANCE = "account.group_account_manager"
ACCOUNTANT = "account.group_account_user"


@tagged("post_install", "-at_install")
class TestSettlementApproval(B2bRebateCommon):
    """Settlements paying more than 100 wait for the finance manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = cls._b2b_internal_user(
            "rba_clerk", ["base.group_user", ACCOUNTANT], name="RBA Clerk"
        )
        cls.rule = cls.env["b2b.approval.rule"].create(
            {
                "name": "Large rebate settlement",
                "model_id": cls.env["ir.model"]._get("b2b.rebate.settlement").id,
                "domain": "[('amount_paid', '>', 100)]",
                "auto_transition": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Finance",
                            "approver_type": "group",
                            "group_id": cls.env.ref(FINANCE).id,
                        }
                    )
                ],
            }
        )
        cls.Settlement = cls.env["b2b.rebate.settlement"]

    def _settle(self, user=None):
        return self._accrual().with_user(user or self.clerk)._b2b_settle()

    def test_large_settlement_waits_then_proceeds(self):
        self._invoice(self.dealer, 3500.0)  # 105
        self._compute()
        self.assertFalse(self._settle(), "nothing made yet")
        settlement = self.Settlement.search([("programme_id", "=", self.programme.id)])
        self.assertEqual(
            (settlement.state, settlement.amount_total, settlement.b2b_approval_state),
            ("to_approve", 105.0, "pending"),
        )
        accrual = self._accrual()
        self.assertEqual(
            (accrual.pending_amount, accrual.to_settle_amount), (105.0, 0.0)
        )
        # re-running creates nothing new while it waits
        self.assertFalse(self._settle())
        self.assertEqual(
            self.Settlement.search_count([("programme_id", "=", self.programme.id)]),
            1,
        )
        # no path around the approval
        with self.assertRaises(UserError):
            settlement.with_user(self.clerk).action_b2b_done()
        request = settlement._b2b_approval_requests()[:1]
        request.with_user(self.accountant).action_approve("agreed")
        self.assertEqual(settlement.state, "done")
        moves = settlement.ledger_ids.move_id
        self.assertEqual((moves.move_type, moves.amount_total), ("out_refund", 105.0))
        self.assertEqual(moves.state, "posted")
        self.assertEqual(
            (accrual.settled_amount, accrual.pending_amount, accrual.to_settle_amount),
            (105.0, 0.0, 0.0),
        )
        # idempotent afterwards, and approving twice does not settle twice
        self.assertFalse(self._settle())
        settlement._b2b_do()
        self.assertEqual(len(accrual.ledger_ids), 1)

    def test_small_settlement_at_once(self):
        self._invoice(self.dealer, 2000.0)  # 40
        self._compute()
        moves = self._settle()
        self.assertEqual(moves.amount_total, 40.0)
        settlement = self.Settlement.search([("programme_id", "=", self.programme.id)])
        self.assertEqual(
            (settlement.state, settlement.b2b_approval_state), ("done", "none")
        )

    def test_cancel_waiting_settlement(self):
        self._invoice(self.dealer, 3500.0)
        self._compute()
        self._settle()
        settlement = self.Settlement.search([("programme_id", "=", self.programme.id)])
        settlement.with_user(self.clerk).action_b2b_cancel()
        self.assertEqual(settlement.state, "cancel")
        self.assertEqual(settlement._b2b_approval_requests()[:1].state, "cancelled")
        accrual = self._accrual()
        self.assertEqual(accrual.to_settle_amount, 105.0, "to settle again")

    def test_balance_settlement_approved(self):
        self.programme.settlement_mode = "balance"
        self._invoice(self.dealer, 3500.0)
        self._compute()
        self._settle()
        Balance = self.env["b2b.rebate.balance"]
        self.assertFalse(Balance._b2b_get(self.dealer, self.company, create=False))
        settlement = self.Settlement.search([("programme_id", "=", self.programme.id)])
        settlement._b2b_approval_requests()[:1].with_user(
            self.accountant
        ).action_approve()
        balance = Balance._b2b_get(self.dealer, self.company, create=False)
        self.assertEqual(balance.amount, 105.0)
        self.assertEqual(balance.ledger_ids.settlement_id, settlement)
