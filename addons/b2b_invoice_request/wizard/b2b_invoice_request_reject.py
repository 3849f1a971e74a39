# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bInvoiceRequestReject(models.TransientModel):
    _name = "b2b.invoice.request.reject"
    _description = "Reject Dealer Invoice Requests"

    request_ids = fields.Many2many(
        "b2b.invoice.request", string="Invoice Requests", required=True
    )
    reason = fields.Text(
        required=True, help="The dealer sees this reason in its portal."
    )

    def action_reject(self):
        self.ensure_one()
        self.request_ids._b2b_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
