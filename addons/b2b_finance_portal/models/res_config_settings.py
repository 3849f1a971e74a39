# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_finance_declared_exposure = fields.Boolean(
        related="company_id.b2b_finance_declared_exposure", readonly=False
    )
    b2b_finance_purchaser_pay = fields.Boolean(
        related="company_id.b2b_finance_purchaser_pay", readonly=False
    )
    b2b_statement_confirmation = fields.Boolean(
        related="company_id.b2b_statement_confirmation", readonly=False
    )
    b2b_statement_reminder_days = fields.Integer(
        related="company_id.b2b_statement_reminder_days", readonly=False
    )
    b2b_statement_user_id = fields.Many2one(
        related="company_id.b2b_statement_user_id", readonly=False
    )
