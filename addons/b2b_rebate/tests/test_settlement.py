# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DAY, B2bRebateCommon


@tagged("post_install", "-at_install")
class TestSettlement(B2bRebateCommon):
    def _settle(self, accrual=None):
        accrual = accrual or self._accrual()
        return accrual.with_user(self.accountant)._b2b_settle()

    def test_settlement_credit_note(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        moves = self._settle()
        self.assertEqual(len(moves), 1)
        self.assertEqual(moves.move_type, "out_refund")
        self.assertEqual(moves.state, "posted")
        self.assertEqual(moves.amount_total, 40.0)
        self.assertEqual(moves.partner_id, self.dealer)
        self.assertEqual(moves.b2b_rebate_programme_id, self.programme)
        accrual = self._accrual()
        self.assertEqual(moves.b2b_rebate_accrual_id, accrual)
        self.assertEqual(
            (accrual.accrued_amount, accrual.settled_amount, accrual.to_settle_amount),
            (40.0, 40.0, 0.0),
        )
        line = accrual.ledger_ids
        self.assertEqual(
            (line.kind, line.amount, line.move_id), ("settlement", 40.0, moves)
        )
        self.assertEqual(line.user_id, self.accountant)
        self.assertIn("Quarterly", line.reason)
        # the rebate credit note itself does not lower the basis
        self._compute()
        self.assertEqual(self._accrual().amount, 2000.0)

    def test_idempotent(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        self._settle()
        self.assertFalse(self._settle())
        self.assertFalse(self._settle())
        self.assertEqual(len(self._accrual().ledger_ids), 1)

    def test_true_up_pays_the_difference(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        self._settle()
        # a late invoice of the period reaches the 3 % step: 3,500 x 3 % = 105
        self._invoice(self.dealer, 1500.0)
        moves = self._settle()  # recomputes the period first
        self.assertEqual(moves.move_type, "out_refund")
        self.assertEqual(moves.amount_total, 65.0)
        accrual = self._accrual()
        self.assertEqual(self._ledger().mapped("kind"), ["true_up", "settlement"])
        self.assertEqual(
            (accrual.settled_amount, accrual.to_settle_amount), (105.0, 0.0)
        )

    def test_credit_note_before_settlement(self):
        self._invoice(self.dealer, 3500.0)
        self._invoice(self.dealer, 1000.0, move_type="out_refund")
        self._compute()
        moves = self._settle()
        self.assertEqual(moves.amount_total, 50.0)  # 2,500 x 2 %

    def test_claw_back_after_settlement(self):
        invoice = self._invoice(self.dealer, 3500.0)
        self._compute()
        self._settle()  # 105
        # a return after settlement: the basis falls to 2,500 (2 %: 50)
        invoice._reverse_moves(
            [{"invoice_date": DAY, "ref": "return"}]
        )  # draft credit note of the whole invoice
        refund = self.env["account.move"].search(
            [("reversed_entry_id", "=", invoice.id)]
        )
        refund.invoice_line_ids.price_unit = 1000.0
        refund.action_post()
        moves = self._settle()
        self.assertEqual(moves.move_type, "out_invoice")
        self.assertEqual(moves.amount_total, 55.0)
        self.assertTrue(moves.b2b_rebate_programme_id)
        accrual = self._accrual()
        self.assertEqual(self._ledger()[0].kind, "claw_back")
        self.assertEqual(self._ledger()[0].amount, -55.0)
        self.assertEqual(
            (accrual.settled_amount, accrual.to_settle_amount), (50.0, 0.0)
        )
        # the claw-back invoice is not counted in the basis either
        self._compute()
        self.assertEqual(self._accrual().amount, 2500.0)

    def test_waiting_for_approval(self):
        """A credit note an approval rule keeps in draft (b2b_approval_account
        does so in action_post) is waiting: a new run creates nothing; once
        approved and posted it is settled."""
        self._invoice(self.dealer, 2000.0)
        self._compute()
        Move = type(self.env["account.move"])
        original = Move.action_post
        self.patch(Move, "action_post", lambda moves: False)
        moves = self._settle()
        self.assertEqual(moves.state, "draft")
        accrual = self._accrual()
        self.assertEqual(
            (accrual.pending_amount, accrual.settled_amount, accrual.to_settle_amount),
            (40.0, 0.0, 0.0),
        )
        self.assertFalse(self._settle())
        original(moves)
        accrual = self._accrual()
        self.assertEqual((accrual.pending_amount, accrual.settled_amount), (0.0, 40.0))
        self.assertEqual(len(self._ledger()), 1)

    def test_cancel_restores(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        moves = self._settle()
        moves.button_draft()
        accrual = self._accrual()
        self.assertEqual(
            (accrual.pending_amount, accrual.to_settle_amount), (40.0, 0.0)
        )
        self.assertFalse(self._settle())  # waiting: nothing new
        moves.button_cancel()
        accrual = self._accrual()
        self.assertEqual(self._ledger()[0].kind, "cancel")
        self.assertEqual(self._ledger()[0].amount, -40.0)
        self.assertEqual(
            (accrual.settled_amount, accrual.to_settle_amount), (0.0, 40.0)
        )
        again = self._settle()
        self.assertEqual(again.amount_total, 40.0)
        self.assertEqual(self._accrual().to_settle_amount, 0.0)

    def test_reversal_of_rebate_credit_note(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        credit_note = self._settle()
        reversal = credit_note._reverse_moves([{"invoice_date": DAY}], cancel=True)
        self.assertEqual(reversal.b2b_rebate_accrual_id, self._accrual())
        accrual = self._accrual()
        self.assertEqual(self._ledger()[0].kind, "cancel")
        self.assertEqual(accrual.to_settle_amount, 40.0)
        self._compute()
        self.assertEqual(self._accrual().amount, 2000.0)  # reversal not in basis

    def test_deleting_a_waiting_document_restores(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        moves = self._settle()
        moves.button_draft()
        moves.unlink()
        accrual = self._accrual()
        self.assertEqual(accrual.to_settle_amount, 40.0)
        self.assertEqual(len(accrual.ledger_ids), 2)

    @freeze_time("2026-04-10")
    def test_settle_ended_periods(self):
        """Q1 has ended on 10 April: its dealers are settled, Q2 is not."""
        self._invoice(self.dealer, 2000.0, day=datetime.date(2026, 2, 1))
        self._invoice(self.dealer2, 1000.0, day=datetime.date(2026, 2, 1))
        self._invoice(self.dealer, 5000.0, day=datetime.date(2026, 4, 2))
        self.programme.with_user(self.accountant).action_b2b_settle_ended()
        q1 = datetime.date(2026, 1, 1)
        accruals = self._accrual(start=q1) | self._accrual(self.dealer2, start=q1)
        self.assertEqual(accruals.mapped("settled_amount"), [40.0, 20.0])
        self.assertEqual(accruals.mapped("to_settle_amount"), [0.0, 0.0])
        self.assertEqual(self._accrual().to_settle_amount, 150.0)  # Q2 runs
        self.assertFalse(self._accrual().ledger_ids)

    def test_settlement_locks_the_rows(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        queries = []
        execute = type(self.env.cr).execute

        def spy(cr, query, params=None, log_exceptions=True):
            queries.append(str(getattr(query, "code", query)))
            return execute(cr, query, params, log_exceptions)

        self.patch(type(self.env.cr), "execute", spy)
        self._settle()
        self.assertTrue(
            any("b2b_rebate_accrual" in q and "FOR UPDATE" in q for q in queries)
        )

    def test_ledger_is_append_only(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        self._settle()
        line = self._accrual().ledger_ids
        with self.assertRaises(UserError):
            line.sudo().write({"amount": 1.0})
        with self.assertRaises(UserError):
            line.sudo().unlink()
