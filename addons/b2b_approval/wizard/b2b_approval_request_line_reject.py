# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bApprovalRequestLineReject(models.TransientModel):
    """Ask the reason of a rejection."""

    _name = "b2b.approval.request.line.reject"
    _description = "Reject an Approval Step"

    line_id = fields.Many2one(
        "b2b.approval.request.line", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        # The line checks that the current user may reject it.
        self.line_id.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
