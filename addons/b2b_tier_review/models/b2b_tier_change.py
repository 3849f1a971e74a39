# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

CHANGE_REASONS = [
    ("review", "Tier Review"),
    ("manual", "Manual Change"),
    ("override", "Override"),
]


class B2bTierChange(models.Model):
    """Append-only log of every change of a dealer's tier: by the review, by
    hand in the backend, or by an override. Nobody has write access; lines are
    created by :meth:`_b2b_log` only."""

    _name = "b2b.tier.change"
    _description = "Dealer Tier Change"
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    date = fields.Datetime(readonly=True, required=True)
    tier_before_id = fields.Many2one(
        "b2b.dealer.tier", string="Tier Before", readonly=True
    )
    tier_after_id = fields.Many2one(
        "b2b.dealer.tier", string="Tier After", readonly=True
    )
    direction = fields.Selection(
        [("up", "Upgrade"), ("down", "Downgrade"), ("other", "Change")],
        compute="_compute_direction",
    )
    reason = fields.Selection(
        CHANGE_REASONS, string="Why", required=True, readonly=True
    )
    note = fields.Text(readonly=True)
    volume = fields.Monetary(
        string="12-Month Volume", readonly=True, currency_field="currency_id"
    )
    threshold_before = fields.Monetary(
        string="Entry Volume Before",
        readonly=True,
        currency_field="currency_id",
        help="Entry volume of the tier before the change, when it was reviewed.",
    )
    threshold_after = fields.Monetary(
        string="Entry Volume After",
        readonly=True,
        currency_field="currency_id",
        help="Entry volume of the tier after the change, when it was reviewed.",
    )
    hysteresis = fields.Float(string="Downgrade Margin (%)", readonly=True)
    review_date = fields.Date(
        readonly=True, help="The reference date of the review (end of the period)."
    )
    proposal_id = fields.Many2one("b2b.tier.proposal", readonly=True, index=True)

    @api.depends("tier_before_id", "tier_after_id")
    def _compute_direction(self):
        for change in self:
            before, after = change.tier_before_id, change.tier_after_id
            if before and after and before != after:
                order_before = (before.sequence, before.id)
                order_after = (after.sequence, after.id)
                change.direction = "up" if order_after > order_before else "down"
            else:
                change.direction = "other"

    @api.model
    def _b2b_log(self, vals_list):
        """Write audit lines (one ``create`` for all of them). The log is
        append-only: nobody has create access, so the lines are created as
        superuser on purpose, with the acting user recorded explicitly."""
        now = fields.Datetime.now()
        for vals in vals_list:
            vals.setdefault("user_id", self.env.uid)
            vals.setdefault("date", now)
        return self.sudo().create(vals_list)
