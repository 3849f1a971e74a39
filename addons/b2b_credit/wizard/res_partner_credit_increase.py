# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartnerCreditIncrease(models.TransientModel):
    _name = "res.partner.credit.increase"
    _description = "Temporary Credit Limit Increase"

    partner_id = fields.Many2one("res.partner", string="Dealer", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Increase", required=True)
    expiry_date = fields.Date(string="Valid Until", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.partner_id._b2b_credit_grant_increase(
            self.amount, self.expiry_date, self.reason, company=self.company_id
        )
        return {"type": "ir.actions.act_window_close"}
