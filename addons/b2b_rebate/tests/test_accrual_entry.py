# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import tagged

from .common import B2bRebateCommon


@tagged("post_install", "-at_install")
class TestAccrualEntry(B2bRebateCommon):
    """The month-end accrual entry: one per company and month, a line pair
    per programme, reversed on the first day of the next month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.expense = Account.create(
            {"name": "Rebate expense", "code": "RB6001", "account_type": "expense"}
        )
        cls.liability = Account.create(
            {
                "name": "Rebate liability",
                "code": "RB2201",
                "account_type": "liability_current",
            }
        )
        cls.journal = cls.env["account.journal"].create(
            {"name": "Rebate accruals", "code": "RBACC", "type": "general"}
        )
        cls.company.write(
            {
                "b2b_rebate_accrual_entry": True,
                "b2b_rebate_expense_account_id": cls.expense.id,
                "b2b_rebate_liability_account_id": cls.liability.id,
                "b2b_rebate_accrual_journal_id": cls.journal.id,
            }
        )
        cls.other = cls._programme("Other programme", steps=((500.0, 1.0),))

    def _entries(self):
        return self.env["account.move"].search(
            [("journal_id", "=", self.journal.id)], order="date, id"
        )

    def test_entry_and_reversal(self):
        self._invoice(self.dealer, 2000.0)  # quarterly 40, other 20
        self._invoice(self.dealer2, 3500.0)  # quarterly 105, other 35
        self._compute()
        self._compute(self.other)
        self._accrual()._b2b_settle()  # 40 settled: not a liability any more
        Company = self.env["res.company"]
        Company._b2b_rebate_cron_accrual_entries(today=datetime.date(2026, 6, 3))
        entry, reversal = self._entries()
        self.assertEqual(entry.date, datetime.date(2026, 5, 31))
        self.assertEqual(entry.b2b_rebate_accrual_month, datetime.date(2026, 5, 1))
        self.assertEqual(entry.state, "posted")
        self.assertEqual(reversal.reversed_entry_id, entry)
        self.assertEqual(reversal.date, datetime.date(2026, 6, 1))
        self.assertEqual(reversal.state, "posted")
        expense = entry.line_ids.filtered(lambda ln: ln.account_id == self.expense)
        self.assertEqual(sorted(expense.mapped("debit")), [55.0, 105.0])
        self.assertEqual(len(expense), 2, "one line pair per programme")
        liability = entry.line_ids.filtered(lambda ln: ln.account_id == self.liability)
        self.assertEqual(sum(liability.mapped("credit")), 160.0)
        self.assertEqual(sum(reversal.line_ids.mapped("balance")), 0.0)
        self.assertEqual(
            sum(
                reversal.line_ids.filtered(
                    lambda ln: ln.account_id == self.liability
                ).mapped("debit")
            ),
            160.0,
        )
        # never twice for the same month, whoever runs it again
        Company._b2b_rebate_cron_accrual_entries(today=datetime.date(2026, 6, 20))
        self.assertEqual(len(self._entries()), 2)

    def test_off_by_default(self):
        self.company.b2b_rebate_accrual_entry = False
        self._invoice(self.dealer, 2000.0)
        self._compute()
        self.env["res.company"]._b2b_rebate_cron_accrual_entries(
            today=datetime.date(2026, 6, 3)
        )
        self.assertFalse(self._entries())
