# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

RULE_KINDS = [
    ("no_order", "No order in N days"),
    ("frequency_down", "Order frequency down at least X %"),
    ("amount_down", "Order amount down at least Y %"),
]


class B2bDealerHealthRule(models.Model):
    """A health rule of a company: what trips a dealer of some tiers (data,
    not code). The daily job evaluates the active rules of each company; a
    company without any active rule runs nothing."""

    _name = "b2b.dealer.health.rule"
    _description = "Dealer Health Rule"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        ondelete="cascade",
    )
    kind = fields.Selection(RULE_KINDS, required=True, default="no_order")
    threshold = fields.Float(
        required=True,
        default=60.0,
        help="Days without a confirmed order (no order in N days), or the "
        "drop in percent of the last 90 days against the 90 days before "
        "(order frequency, order amount).",
    )
    tier_ids = fields.Many2many(
        "b2b.dealer.tier",
        string="Tiers",
        check_company=True,
        help="The tiers the rule applies to; empty: every tier. For a dealer "
        "whose tier has rules of a kind, the rules of that kind for every "
        "tier do not apply (thresholds per tier).",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity Type",
        domain="[('res_model', 'in', (False, 'res.partner'))]",
        default=lambda self: self.env.ref(
            "b2b_crm_health.mail_activity_type_dealer_health",
            raise_if_not_found=False,
        ),
        help="The activity planned for the dealer's salesperson when the rule "
        "trips (empty: the module's Dealer Health type).",
    )

    @api.constrains("kind", "threshold")
    def _check_threshold(self):
        for rule in self:
            if rule.threshold <= 0:
                raise ValidationError(
                    self.env._("The threshold of %s must be positive.", rule.name)
                )
            if rule.kind != "no_order" and rule.threshold > 100:
                raise ValidationError(
                    self.env._(
                        "The threshold of %s is a percentage: at most 100.", rule.name
                    )
                )

    def _b2b_activity_type(self):
        self.ensure_one()
        return self.activity_type_id or self.env.ref(
            "b2b_crm_health.mail_activity_type_dealer_health"
        )

    def _b2b_rules_for_tier(self, tier_id):
        """The rules of ``self`` (one company's active rules) that apply to a
        dealer of ``tier_id``: per kind, the rules naming the tier, else the
        rules for every tier."""
        result = self.browse()
        for kind in {rule.kind for rule in self}:
            of_kind = self.filtered(lambda r, kind=kind: r.kind == kind)
            own = of_kind.filtered(lambda r: tier_id in r.tier_ids.ids)
            result |= own or of_kind.filtered(lambda r: not r.tier_ids)
        return result.sorted(lambda r: (r.sequence, r.id))

    def _b2b_trips(self, figures):
        """True when the rule trips for a dealer with these ``figures`` (a
        dict of the health job)."""
        self.ensure_one()
        if self.kind == "no_order":
            return figures["days_since_order"] >= self.threshold
        if self.kind == "frequency_down":
            current, previous = figures["orders_current"], figures["orders_previous"]
        else:
            current, previous = figures["amount_current"], figures["amount_previous"]
        if previous <= 0:
            return False
        return (previous - current) * 100.0 / previous >= self.threshold - 1e-9
