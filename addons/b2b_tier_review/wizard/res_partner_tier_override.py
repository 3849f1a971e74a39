# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.b2b_tier_proposal import OPEN_STATES
from ..models.res_partner import TIER_CHANGE_KEY, TierChangeInfo


class ResPartnerTierOverride(models.TransientModel):
    """Set a dealer's tier by hand until a date: the tier review leaves it
    alone until then (dealer managers)."""

    _name = "res.partner.tier.override"
    _description = "Dealer Tier Override"

    partner_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
    )
    tier_id = fields.Many2one("b2b.dealer.tier", string="Tier", required=True)
    date_end = fields.Date(string="Until", required=True)
    reason = fields.Char(required=True)

    @api.model
    def _b2b_check_manager(self):
        if not self.env.user.has_group("b2b_base.b2b_base_group_manager"):
            raise AccessError(
                self.env._("Only dealer managers may override a dealer's tier.")
            )

    def action_confirm(self):
        self.ensure_one()
        self._b2b_check_manager()
        dealer = self.partner_id.commercial_partner_id
        dealer.check_access("write")
        if self.date_end < fields.Date.context_today(self):
            raise UserError(self.env._("The override must end today or later."))
        if not self.reason.strip():
            raise UserError(self.env._("Give the reason of the override."))
        company = dealer.company_id or self.env.company
        info = TierChangeInfo(
            "override",
            company=company,
            note=self.env._(
                "%(reason)s (until %(date)s)",
                reason=self.reason.strip(),
                date=fields.Date.to_string(self.date_end),
            ),
        )
        unchanged = dealer.b2b_tier_id == self.tier_id
        dealer.with_context(**{TIER_CHANGE_KEY: info}).write(
            {
                "b2b_tier_id": self.tier_id.id,
                "b2b_tier_override_until": self.date_end,
                "b2b_tier_override_reason": self.reason.strip(),
            }
        )
        if unchanged:
            # the tier stays: the override itself is still audited
            self.env["b2b.tier.change"]._b2b_log(
                [
                    {
                        "partner_id": dealer.id,
                        "company_id": company.id,
                        "tier_before_id": dealer.b2b_tier_id.id,
                        "tier_after_id": dealer.b2b_tier_id.id,
                        "reason": "override",
                        "note": info.note,
                    }
                ]
            )
        # sudo: proposals are written by the review only; an override makes
        # the open ones pointless
        proposals = (
            self.env["b2b.tier.proposal"]
            .sudo()
            .search([("partner_id", "=", dealer.id), ("state", "in", OPEN_STATES)])
        )
        if proposals:
            self.env["b2b.tier.review"]._b2b_cancel(
                proposals, fields.Date.context_today(self)
            )
        return {"type": "ir.actions.act_window_close"}
