# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time

from psycopg2.errors import CheckViolation, SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import B2bRebateCommon


@tagged("post_install", "-at_install")
class TestBalanceSettlement(B2bRebateCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.programme.settlement_mode = "balance"
        cls.Balance = cls.env["b2b.rebate.balance"]

    def _settle(self):
        return self._accrual().with_user(self.accountant)._b2b_settle()

    def _balance(self, dealer=None):
        return self.Balance._b2b_get(dealer or self.dealer, self.company, create=False)

    def test_settlement_credits_the_balance(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        moves = self._settle()
        self.assertFalse(moves, "no credit note: the balance is credited")
        balance = self._balance()
        self.assertEqual(balance.amount, 40.0)
        line = self._ledger()
        self.assertEqual(
            (line.kind, line.amount, line.balance_id, line.user_id),
            ("settlement", 40.0, balance, self.accountant),
        )
        accrual = self._accrual()
        self.assertEqual(
            (accrual.settled_amount, accrual.to_settle_amount), (40.0, 0.0)
        )
        # idempotent, then a true-up of the difference only
        self.assertFalse(self._settle())
        self.assertEqual(len(self._ledger()), 1)
        self._invoice(self.dealer, 1500.0)
        self._settle()
        self.assertEqual(balance.amount, 105.0)
        self.assertEqual(self._ledger().mapped("kind"), ["true_up", "settlement"])

    def test_claw_back_from_balance_then_by_invoice(self):
        invoice = self._invoice(self.dealer, 3500.0)
        self._compute()
        self._settle()  # 105 on the balance
        balance = self._balance()
        balance._b2b_move(-100.0, "spent", "spent on an order")
        # everything returned: 105 to claw back, 5 left on the balance, the
        # other 100 by a customer invoice
        invoice._reverse_moves(
            [{"invoice_date": invoice.invoice_date, "ref": "return"}]
        ).action_post()
        moves = self._settle()
        self.assertEqual(balance.amount, 0.0)
        self.assertEqual(moves.move_type, "out_invoice")
        self.assertEqual(moves.amount_total, 100.0)
        kinds = self._ledger().mapped(lambda ln: (ln.kind, ln.amount, bool(ln.move_id)))
        self.assertEqual(
            kinds,
            [
                ("claw_back", -100.0, True),
                ("claw_back", -5.0, False),
                ("settlement", 105.0, False),
            ],
        )
        self.assertEqual(self._accrual().to_settle_amount, 0.0)

    def test_never_negative(self):
        balance = self.Balance._b2b_get(self.dealer, self.company)
        balance._b2b_move(30.0, "adjustment", "test")
        with self.assertRaises(UserError):
            balance._b2b_move(-30.01, "spent", "too much")
        self.assertEqual(balance.amount, 30.0)
        balance._b2b_move(-30.0, "spent", "all of it")
        self.assertEqual(balance.amount, 0.0)
        self.assertEqual(sum(balance.ledger_ids.mapped("amount")), 0.0)
        # the table refuses it too, whatever the code path
        with self.assertRaises(CheckViolation), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE b2b_rebate_balance SET amount = -1 WHERE id = %s",
                    [balance.id],
                )

    def test_lock_statement(self):
        balance = self.Balance._b2b_get(self.dealer, self.company)
        with self.assertQueries(
            [
                "SELECT amount FROM b2b_rebate_balance WHERE id = %s FOR UPDATE",
            ],
            flush=False,
        ):
            balance._b2b_lock()

    def test_ledger_is_append_only(self):
        balance = self.Balance._b2b_get(self.dealer, self.company)
        line = balance._b2b_move(10.0, "adjustment", "test")
        with self.assertRaises(UserError):
            line.sudo().write({"amount": 100.0})
        with self.assertRaises(UserError):
            line.sudo().unlink()

    def test_dealer_reads_only_its_balance(self):
        mine = self.Balance._b2b_get(self.dealer, self.company)
        other = self.Balance._b2b_get(self.dealer2, self.company)
        # the own-dealer salesperson sees its dealers' balances only
        visible = self.Balance.with_user(self.rep).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(other, visible)


@tagged("post_install", "-at_install")
class TestConcurrentSpenders(TransactionCase):
    """Two transactions spend the last balance at once: exactly one succeeds.

    Works on committed data (two real cursors), removed afterwards.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            partner = env["res.partner"].create(
                {"name": "B2B rebate race", "is_company": True}
            )
            balance = env["b2b.rebate.balance"]._b2b_get(partner, env.company)
            balance._b2b_move(100.0, "adjustment", "race")
            self.partner_id, self.balance_id = partner.id, balance.id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM b2b_rebate_ledger WHERE balance_id = %s", [self.balance_id]
            )
            cr.execute(
                "DELETE FROM b2b_rebate_balance WHERE id = %s", [self.balance_id]
            )
            cr.execute("DELETE FROM res_partner WHERE id = %s", [self.partner_id])

    def _balance(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {})
        return env["b2b.rebate.balance"].browse(self.balance_id)

    def test_two_spenders(self):
        outcome = {}
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            balance_b = self._balance(cr_b)
            self.assertEqual(balance_b.amount, 100.0)  # B's snapshot starts here
            self._balance(cr_a)._b2b_move(-100.0, "spent", "A")  # A holds the row

            def spend_b():
                try:
                    with mute_logger("odoo.sql_db"):
                        outcome["b"] = balance_b._b2b_move(-100.0, "spent", "B")
                except (SerializationFailure, UserError) as error:
                    outcome["b"] = error

            thread = threading.Thread(target=spend_b)
            thread.start()
            time.sleep(0.5)
            self.assertTrue(thread.is_alive(), "B waits for A's lock")
            cr_a.commit()
            thread.join(30)
            self.assertIsInstance(outcome["b"], SerializationFailure)
            # What Odoo's retry does: run B again in a fresh transaction.
            cr_b.rollback()
            balance_b = self._balance(cr_b)
            with self.assertRaises(UserError):
                balance_b._b2b_move(-100.0, "spent", "B again")
            cr_b.rollback()
        with self.registry.cursor() as cr:
            balance = self._balance(cr)
            self.assertEqual(balance.amount, 0.0)
            self.assertEqual(sorted(balance.ledger_ids.mapped("reason")), ["A", "race"])
