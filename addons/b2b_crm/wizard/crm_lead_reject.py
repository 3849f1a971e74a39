# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bCrmLeadReject(models.TransientModel):
    _name = "b2b.crm.lead.reject"
    _description = "Reject a Dealer Application"

    lead_id = fields.Many2one(
        "crm.lead",
        string="Application",
        required=True,
        domain=[("b2b_is_application", "=", True)],
    )
    reason = fields.Text(
        required=True, help="E-mailed to the applicant with the decision."
    )

    def action_reject(self):
        self.ensure_one()
        self.lead_id._b2b_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
