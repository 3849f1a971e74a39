# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_finance_declared_exposure = fields.Boolean(
        string="Exposure: Declared Payments",
        help="Declared offline payments that finance has not confirmed yet "
        "reduce the dealer's credit exposure.",
    )
    b2b_finance_purchaser_pay = fields.Boolean(
        string="Purchasers Pay Blocked Orders",
        help="Besides the dealer's finance and admin buyers, its purchasers "
        "may pay the shortfall of an order refused for its credit (online "
        "or by declaring a bank transfer).",
    )
    b2b_statement_confirmation = fields.Boolean(
        string="Monthly Statement Confirmation",
        help="At the start of each month, freeze every dealer's statement of "
        "the previous month as a PDF and ask the dealer to confirm it.",
    )
    b2b_statement_reminder_days = fields.Integer(
        string="Statement Reminder After (Days)",
        default=7,
        help="Remind the dealer of a statement it has neither confirmed nor "
        "disputed this many days after it was sent; the statement is then "
        "overdue.",
    )
    b2b_statement_user_id = fields.Many2one(
        "res.users",
        string="Statement Accountant",
        domain=[("share", "=", False)],
        help="Accountant who answers the disputes of statements (an activity "
        "is assigned to them). Empty: the dealer's salesperson.",
    )

    def _b2b_transfer_bank_accounts(self):
        """The company's bank accounts a dealer transfers to (Odoo's own
        records: the accounts of the company's bank journals, else those of
        the company's partner), for the payment pages; sudo, empty when the
        company has none.

        sudo: portal buyers do not read bank accounts nor journals; only the
        holder, bank and number of the company's own accounts are shown."""
        self.ensure_one()
        company = self.sudo()
        journals = (
            self.env["account.journal"]
            .sudo()
            .search(
                [
                    *self.env["account.journal"]._check_company_domain(company),
                    ("type", "=", "bank"),
                    ("bank_account_id", "!=", False),
                ]
            )
        )
        accounts = journals.bank_account_id.filtered("active")
        if not accounts:
            accounts = company.partner_id.bank_ids.filtered("active")
        return accounts

    def _b2b_demo_transfer_bank(self, bank):
        """Demo: the company's bank account to transfer to names ``bank``
        (account's demo creates one without a bank; one is made when the
        company has none)."""
        bank = self.env["res.bank"].browse(bank)
        for company in self:
            accounts = company._b2b_transfer_bank_accounts()
            if accounts:
                accounts.filtered(lambda account: not account.bank_id).bank_id = bank
                continue
            self.env["res.partner.bank"].create(
                {
                    "partner_id": company.partner_id.id,
                    "acc_number": "6222 0210 0100 8888 001",
                    "bank_id": bank.id,
                }
            )
