# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.b2b_tier_review import REVIEW_ACTIONS


class B2bDealerTierReview(models.TransientModel):
    """Run the tier review of the current company on demand, or preview it
    ("what if") on any reference date without changing anything."""

    _name = "b2b.dealer.tier.review"
    _description = "Dealer Tier Review (On Demand)"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    date = fields.Date(
        string="Reference Date",
        required=True,
        default=fields.Date.context_today,
        help="End of the 12-month period. A preview may use any date (what "
        "if); running the review uses today.",
    )
    line_ids = fields.One2many(
        "b2b.dealer.tier.review.line", "review_id", string="Proposals", readonly=True
    )
    previewed = fields.Boolean(readonly=True)
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for review in self:
            review.line_count = len(review.line_ids)

    def _b2b_check_manager(self):
        if not self.env.user.has_group("b2b_base.b2b_base_group_manager"):
            raise AccessError(self.env._("Only dealer managers may review tiers."))

    def _b2b_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Tier Review"),
        }

    def action_preview(self):
        """Fill the lines with what the review would do; nothing else changes."""
        self.ensure_one()
        self._b2b_check_manager()
        decisions = self.env["b2b.tier.review"]._b2b_compute(self.company_id, self.date)
        self.line_ids = [Command.clear()] + [
            Command.create(self._b2b_line_values(decision)) for decision in decisions
        ]
        self.previewed = True
        return self._b2b_reopen()

    def action_run(self):
        """Run the review of the company today, as the monthly job does."""
        self.ensure_one()
        self._b2b_check_manager()
        today = fields.Date.context_today(self)
        if not self.company_id.b2b_tier_review:
            raise UserError(
                self.env._(
                    "The tier review is not switched on for %s (Sales settings).",
                    self.company_id.name,
                )
            )
        self.env["b2b.tier.review"]._b2b_run(self.company_id, today)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_tier_review.b2b_tier_proposal_action"
        )
        action["domain"] = [
            ("company_id", "=", self.company_id.id),
            ("review_date", "=", today),
        ]
        return action

    @api.model
    def _b2b_line_values(self, decision):
        proposal = decision.get("proposal") or self.env["b2b.tier.proposal"]
        tier_to = decision.get("tier_to")
        return {
            "partner_id": decision["partner"].id,
            "action": decision["action"],
            "tier_from_id": (decision.get("tier_from") or proposal[:1].tier_from_id).id,
            "tier_to_id": (tier_to or proposal[:1].tier_to_id).id,
            "volume": decision.get("volume", proposal[:1].volume),
            "threshold_from": decision.get("threshold_from", 0.0),
            "threshold_to": decision.get("threshold_to", 0.0),
            "effective_date": decision.get("effective_date") or False,
        }


class B2bDealerTierReviewLine(models.TransientModel):
    _name = "b2b.dealer.tier.review.line"
    _description = "Dealer Tier Review Preview Line"

    review_id = fields.Many2one(
        "b2b.dealer.tier.review", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="review_id.company_id.currency_id")
    partner_id = fields.Many2one("res.partner", string="Dealer", readonly=True)
    action = fields.Selection(REVIEW_ACTIONS, readonly=True)
    tier_from_id = fields.Many2one(
        "b2b.dealer.tier", string="Current Tier", readonly=True
    )
    tier_to_id = fields.Many2one(
        "b2b.dealer.tier", string="Proposed Tier", readonly=True
    )
    volume = fields.Monetary(string="12-Month Volume", readonly=True)
    threshold_from = fields.Monetary(string="Entry Volume (Current)", readonly=True)
    threshold_to = fields.Monetary(string="Entry Volume (Proposed)", readonly=True)
    effective_date = fields.Date(readonly=True)
