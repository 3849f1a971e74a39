# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import logging

from dateutil.relativedelta import relativedelta

from odoo import fields, models

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_rebate_accrual_entry = fields.Boolean(
        string="Rebate Accrual Entries",
        help="At each month end, a journal entry books the rebates accrued "
        "and not settled yet (expense / rebate liability), reversed on the "
        "first day of the next month.",
    )
    b2b_rebate_expense_account_id = fields.Many2one(
        "account.account",
        string="Rebate Expense Account",
        check_company=True,
    )
    b2b_rebate_liability_account_id = fields.Many2one(
        "account.account",
        string="Rebate Liability Account",
        check_company=True,
    )
    b2b_rebate_accrual_journal_id = fields.Many2one(
        "account.journal",
        string="Rebate Accrual Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
    )

    def _b2b_rebate_cron_accrual_entries(self, today=None):
        """Daily job: the entry of the month that ended, for each company
        that books them, unless it exists (never twice for a month)."""
        today = today or fields.Date.context_today(self)
        month = (today.replace(day=1)) - relativedelta(months=1)
        companies = self.search([("b2b_rebate_accrual_entry", "=", True)])
        for company in companies:
            try:
                with self.env.cr.savepoint():
                    company._b2b_rebate_accrual_entry(month)
            except Exception:
                _logger.exception(
                    "Rebate accrual entry of %s for %s failed", company.name, month
                )
        return True

    def _b2b_rebate_accrual_entry(self, month):
        """Post the accrual entry of ``month`` (its first day) dated its last
        day, one line pair per programme (expense debit, liability credit of
        what is accrued and not settled), and its reversal dated the first
        day of the next month. Returns the entry, or an empty recordset when
        there is nothing to book or it exists already."""
        self.ensure_one()
        # sudo: a scheduled job of the accounting, for the company's whole
        # rebate figures; the accounts and journal are the company's settings
        Move = self.env["account.move"].sudo()
        if not (
            self.b2b_rebate_accrual_entry
            and self.b2b_rebate_expense_account_id
            and self.b2b_rebate_liability_account_id
            and self.b2b_rebate_accrual_journal_id
        ):
            return Move
        month = month.replace(day=1)
        if Move.search_count(
            [("company_id", "=", self.id), ("b2b_rebate_accrual_month", "=", month)],
            limit=1,
        ):
            return Move
        end = month + relativedelta(months=1, days=-1)
        groups = (
            self.env["b2b.rebate.accrual"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.id),
                    ("period_start", "<=", end),
                    ("programme_id.state", "!=", "draft"),
                ],
                ["programme_id"],
                ["to_settle_amount:sum"],
            )
        )
        currency = self.currency_id
        lines = []
        for programme, amount in groups:
            if currency.is_zero(amount):
                continue
            label = self.env._(
                "Rebates accrued, not settled: %(programme)s",
                programme=programme.name,
            )
            lines += [
                fields.Command.create(
                    {
                        "name": label,
                        "account_id": self.b2b_rebate_expense_account_id.id,
                        "balance": currency.round(amount),
                    }
                ),
                fields.Command.create(
                    {
                        "name": label,
                        "account_id": self.b2b_rebate_liability_account_id.id,
                        "balance": -currency.round(amount),
                    }
                ),
            ]
        if not lines:
            return Move
        ref = self.env._("Rebate accrual %s", f"{month:%Y-%m}")
        entry = Move.with_company(self).create(
            {
                "move_type": "entry",
                "company_id": self.id,
                "journal_id": self.b2b_rebate_accrual_journal_id.id,
                "date": end,
                "ref": ref,
                "b2b_rebate_accrual_month": month,
                "line_ids": lines,
            }
        )
        entry.action_post()
        reversal = entry._reverse_moves(
            [
                {
                    "date": end + datetime.timedelta(days=1),
                    "ref": self.env._("Reversal of %s", ref),
                }
            ]
        )
        reversal.action_post()
        return entry
