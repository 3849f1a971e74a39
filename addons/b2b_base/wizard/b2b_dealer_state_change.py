# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..models.res_partner import DEALER_STATES


class B2bDealerStateChange(models.TransientModel):
    """Dialog asking the reason of a dealer lifecycle transition."""

    _name = "b2b.dealer.state.change"
    _description = "Change Dealer Status"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Dealers",
        required=True,
        domain=[("b2b_is_dealer", "=", True)],
    )
    new_state = fields.Selection(DEALER_STATES, string="New Status", required=True)
    reason = fields.Text()
    reason_required = fields.Boolean(compute="_compute_reason_required")
    current_state_label = fields.Char(
        string="Current Status", compute="_compute_current_state_label"
    )

    @api.depends("partner_ids", "new_state")
    def _compute_reason_required(self):
        for change in self:
            change.reason_required = bool(
                change.new_state
                and change.partner_ids._b2b_is_reason_required(change.new_state)
            )

    @api.depends("partner_ids")
    def _compute_current_state_label(self):
        labels = dict(
            self.env["res.partner"]
            ._fields["b2b_state"]
            ._description_selection(self.env)
        )
        for change in self:
            states = change.partner_ids.mapped("b2b_state")
            change.current_state_label = ", ".join(
                labels.get(state, state) for state in dict.fromkeys(states)
            )

    def action_confirm(self):
        self.ensure_one()
        self.partner_ids._b2b_set_state(self.new_state, self.reason)
        return {"type": "ir.actions.act_window_close"}
