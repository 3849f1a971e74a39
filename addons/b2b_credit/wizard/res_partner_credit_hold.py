# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartnerCreditHold(models.TransientModel):
    _name = "res.partner.credit.hold"
    _description = "Put a Dealer on Credit Hold or Release It"

    partner_id = fields.Many2one("res.partner", string="Dealer", required=True)
    mode = fields.Selection(
        [("hold", "Put on Hold"), ("release", "Release")],
        required=True,
        default="hold",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "hold":
            self.partner_id._b2b_credit_set_hold(self.reason)
        else:
            self.partner_id._b2b_credit_release_hold(self.reason)
        return {"type": "ir.actions.act_window_close"}
