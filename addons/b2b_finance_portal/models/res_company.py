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
