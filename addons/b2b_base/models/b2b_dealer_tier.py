# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bDealerTier(models.Model):
    """An ordered dealer level (e.g. standard / silver / gold / strategic).

    Feature modules hang their policies on the tier (pricelist, credit terms,
    order rules, approval thresholds) by inheriting this model.
    """

    _name = "b2b.dealer.tier"
    _description = "Dealer Tier"
    _inherit = "mail.thread"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short unique code, used by integrations and imports.",
    )
    sequence = fields.Integer(
        default=10,
        help="Tiers are ordered by sequence: a higher tier comes later.",
    )
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Leave empty to share the tier between companies.",
    )
    active = fields.Boolean(default=True, tracking=True)
    description = fields.Text(translate=True)
    dealer_ids = fields.One2many(
        "res.partner",
        "b2b_tier_id",
        string="Dealers",
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
    )
    dealer_count = fields.Integer(compute="_compute_dealer_count")

    @api.depends("dealer_ids")
    def _compute_dealer_count(self):
        groups = self.env["res.partner"]._read_group(
            [
                ("b2b_tier_id", "in", self.ids),
                ("b2b_is_dealer", "=", True),
                ("is_company", "=", True),
            ],
            ["b2b_tier_id"],
            ["__count"],
        )
        counts = {tier.id: count for tier, count in groups}
        for tier in self:
            tier.dealer_count = counts.get(tier.id, 0)

    @api.constrains("code", "company_id")
    def _check_code_unique(self):
        """Codes are unique per company; a shared tier clashes with every company."""
        tiers = self.filtered("code")
        if not tiers:
            return
        domain = [("code", "=ilike", code) for code in set(tiers.mapped("code"))]
        domain = ["|"] * (len(domain) - 1) + domain
        candidates = self.sudo().with_context(active_test=False).search(domain)
        for tier in tiers:
            for other in candidates:
                if (
                    other.id != tier.id
                    and other.code.upper() == tier.code.upper()
                    and (
                        not tier.company_id
                        or not other.company_id
                        or tier.company_id == other.company_id
                    )
                ):
                    raise ValidationError(
                        self.env._(
                            "The tier code %(code)s is already used in this company.",
                            code=tier.code,
                        )
                    )

    def action_view_dealers(self):
        """Open the dealers of the tier (smart button)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_base.res_partner_action_b2b_dealer"
        )
        action["domain"] = [
            ("b2b_is_dealer", "=", True),
            ("is_company", "=", True),
            ("b2b_tier_id", "=", self.id),
        ]
        action["context"] = {
            "default_b2b_is_dealer": True,
            "default_is_company": True,
            "default_b2b_tier_id": self.id,
        }
        return action
