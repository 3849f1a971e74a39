# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.b2b_rebate.tests.common import DAY

from .common import B2bRebateSaleCommon


@tagged("post_install", "-at_install")
class TestRebateOrder(B2bRebateSaleCommon):
    def test_apply_within_the_cap(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        line = self._rebate_line(order)
        self.assertEqual(len(line), 1)
        # cap: 10 % of 2,000 = 200 of the 300 held
        self.assertEqual((line.price_unit, line.product_uom_qty), (-200.0, 1.0))
        self.assertEqual(line.product_id, self.rebate_product)
        self.assertFalse(line.tax_id)
        self.assertEqual(order.amount_untaxed, 1800.0)
        self.assertEqual(order.b2b_rebate_amount, 200.0)
        self.assertEqual(self.balance.amount, 100.0)
        self.assertEqual(order.b2b_rebate_available, 100.0)
        ledger = self._order_ledger(order)
        self.assertEqual(
            (ledger.kind, ledger.amount, ledger.balance_id, ledger.user_id),
            ("spent", -200.0, self.balance, self.seller),
        )

    def test_minimum_order_measured_before_the_rebate(self):
        self.env["b2b.order.rule"].create(
            {
                "name": "Minimum 1,900",
                "rule_type": "amount",
                "applied_on": "all",
                "min_amount": 1900.0,
                "mode": "block",
            }
        )
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        self.assertEqual(order.amount_untaxed, 1800.0)
        # 2,000 of goods: above the minimum, whatever the rebate paid
        self.assertEqual(order._b2b_check_order_rules(), [])
        small = self._quote(1800.0)
        self.assertTrue(small._b2b_check_order_rules(), "1,800 of goods is too small")

    def test_balance_below_the_cap(self):
        order = self._quote(5000.0)  # cap 500, balance 300
        order.action_b2b_apply_rebate_balance()
        self.assertEqual(order.b2b_rebate_amount, 300.0)
        self.assertEqual(self.balance.amount, 0.0)
        # a second order finds nothing left
        other = self._quote(2000.0)
        self.assertEqual(other.b2b_rebate_max, 0.0)
        with self.assertRaises(UserError):
            other.action_b2b_apply_rebate_balance()
        self.assertEqual(self.balance.amount, 0.0)

    def test_reapply_replaces(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        order.action_b2b_apply_rebate_balance()
        self.assertEqual(len(self._rebate_line(order)), 1)
        self.assertEqual(order.b2b_rebate_amount, 200.0)
        self.assertEqual(self.balance.amount, 100.0)
        self.assertEqual(len(self._order_ledger(order)), 1, "no movement: same")
        # more on the order: applying again takes the difference only
        order.order_line.filtered(lambda ln: not ln.b2b_is_rebate_line).write(
            {"product_uom_qty": 250.0}
        )
        order.action_b2b_apply_rebate_balance()
        self.assertEqual(order.b2b_rebate_amount, 250.0)
        self.assertEqual(self.balance.amount, 50.0)
        self.assertEqual(self._order_ledger(order).mapped("amount"), [-200.0, -50.0])
        # a smaller amount asked gives the rest back
        order._b2b_apply_rebate_balance(amount=100.0)
        self.assertEqual(order.b2b_rebate_amount, 100.0)
        self.assertEqual(self.balance.amount, 200.0)
        self.assertEqual(self._order_ledger(order)[-1].kind, "restored")

    def test_cap_checked_at_confirmation(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()  # 200
        order.order_line.filtered(lambda ln: not ln.b2b_is_rebate_line).write(
            {"product_uom_qty": 100.0}
        )  # 1,000: cap 100
        with self.assertRaisesRegex(UserError, "apply the rebate balance again"):
            order.action_confirm()
        order.action_b2b_apply_rebate_balance()
        self.assertEqual(order.b2b_rebate_amount, 100.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.balance.amount, 200.0)

    def test_cancel_restores(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        order.action_confirm()
        order.with_context(disable_cancel_warning=True).action_cancel()
        self.assertEqual(self.balance.amount, 300.0)
        self.assertEqual(
            self._order_ledger(order).mapped("kind"), ["spent", "restored"]
        )
        # back to a quotation: the rebate line goes, the balance stays whole
        order.action_draft()
        self.assertFalse(self._rebate_line(order))
        self.assertEqual(self.balance.amount, 300.0)
        self.assertEqual(len(self._order_ledger(order)), 2)

    def test_removing_the_line_restores(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        order.write({"order_line": [Command.unlink(self._rebate_line(order).id)]})
        self.assertEqual(self.balance.amount, 300.0)
        self.assertEqual(self._order_ledger(order)[-1].kind, "restored")
        order.action_b2b_apply_rebate_balance()
        order.action_b2b_remove_rebate_balance()
        self.assertFalse(self._rebate_line(order))
        self.assertEqual(self.balance.amount, 300.0)

    def test_deleting_the_quotation_restores(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        self.assertEqual(self.balance.amount, 100.0)
        # as a sales manager (salespeople cannot delete quotations)
        self.env["sale.order"].browse(order.id).unlink()
        self.assertEqual(self.balance.amount, 300.0)

    def test_line_cannot_be_changed_by_hand(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        with self.assertRaises(UserError):
            self._rebate_line(order).write({"price_unit": -250.0})
        with self.assertRaises(UserError):
            order.write(
                {
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.rebate_product.id,
                                "price_unit": -50.0,
                                "b2b_is_rebate_line": True,
                            }
                        )
                    ]
                }
            )
        # "Update prices" and a copy leave the balance alone
        order.action_update_prices()
        self.assertEqual(self._rebate_line(order).price_unit, -200.0)
        copy = order.copy()
        self.assertFalse(self._rebate_line(copy))
        self.assertEqual(self.balance.amount, 100.0)

    def test_only_quotations_and_rights(self):
        order = self._quote(2000.0)
        order.action_confirm()
        with self.assertRaises(UserError):
            order.action_b2b_apply_rebate_balance()
        # a salesperson of another dealer cannot touch the order
        quote = self._quote(2000.0)
        with self.assertRaises(AccessError):
            quote.with_user(self.rep_other).action_b2b_apply_rebate_balance()
        for bad in (-1.0, "10", True):
            with self.assertRaises(UserError):
                quote._b2b_apply_rebate_balance(amount=bad)
        self.assertEqual(self.balance.amount, 300.0)

    def test_invoice_excludes_rebate_from_volume(self):
        order = self._quote(2000.0)
        order.action_b2b_apply_rebate_balance()
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.invoice_date = DAY  # in the programme's second quarter
        invoice.action_post()
        self.assertEqual(invoice.amount_untaxed, 1800.0)
        self.assertIn(self.rebate_product, invoice.invoice_line_ids.product_id)
        self._compute()
        # the volume is the goods sold, not reduced by the rebate spent
        self.assertEqual(self._accrual().amount, 2000.0)

    def test_lock_taken_when_applying(self):
        """The balance row is locked (b2b_rebate's test_lock_statement shows
        the SELECT ... FOR UPDATE) before the order takes from it."""
        order = self._quote(2000.0)
        Balance = self.registry["b2b.rebate.balance"]
        locked = []
        original = Balance._b2b_lock

        def spy(balance):
            locked.append(balance.id)
            return original(balance)

        self.patch(Balance, "_b2b_lock", spy)
        order._b2b_apply_rebate_balance()
        self.assertIn(self.balance.id, locked)
