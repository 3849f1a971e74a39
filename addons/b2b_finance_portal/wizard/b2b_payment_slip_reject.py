# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bPaymentSlipReject(models.TransientModel):
    _name = "b2b.payment.slip.reject"
    _description = "Reject Dealer Payment Slips"

    slip_ids = fields.Many2many("b2b.payment.slip", string="Payments", required=True)
    reason = fields.Text(
        required=True, help="The dealer sees this reason in its portal."
    )

    def action_reject(self):
        self.ensure_one()
        self.slip_ids._b2b_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
