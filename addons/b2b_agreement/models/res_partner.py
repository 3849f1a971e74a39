# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_agreement_ids = fields.One2many(
        "b2b.agreement", "dealer_id", string="Dealer Agreements"
    )
    b2b_agreement_count = fields.Integer(
        string="Agreements", compute="_compute_b2b_agreement_count"
    )

    @api.depends("b2b_agreement_ids")
    def _compute_b2b_agreement_count(self):
        counts = dict(
            self.env["b2b.agreement"]._read_group(
                [("dealer_id", "in", self.ids)], ["dealer_id"], ["__count"]
            )
        )
        for partner in self:
            partner.b2b_agreement_count = counts.get(partner, 0)

    def action_b2b_agreements(self):
        """The dealer's agreements (smart button)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_agreement.b2b_agreement_action"
        )
        action["domain"] = [("dealer_id", "=", self.id)]
        action["context"] = {"default_dealer_id": self.id}
        return action
