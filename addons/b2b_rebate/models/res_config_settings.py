# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_rebate_accrual_entry = fields.Boolean(
        related="company_id.b2b_rebate_accrual_entry", readonly=False
    )
    b2b_rebate_expense_account_id = fields.Many2one(
        related="company_id.b2b_rebate_expense_account_id", readonly=False
    )
    b2b_rebate_liability_account_id = fields.Many2one(
        related="company_id.b2b_rebate_liability_account_id", readonly=False
    )
    b2b_rebate_accrual_journal_id = fields.Many2one(
        related="company_id.b2b_rebate_accrual_journal_id", readonly=False
    )
