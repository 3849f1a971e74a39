# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import format_date
from odoo.tools.misc import formatLang

from .b2b_dealer_health import PERIOD_DAYS
from .b2b_dealer_health_rule import RULE_KINDS


class B2bDealerHealthFlag(models.Model):
    """A rule a dealer trips, as of the last run of the job. The reason is
    written from the figures in the reader's language."""

    _name = "b2b.dealer.health.flag"
    _description = "Dealer Health Flag"
    _order = "health_id, sequence, id"

    health_id = fields.Many2one(
        "b2b.dealer.health", required=True, index=True, ondelete="cascade"
    )
    rule_id = fields.Many2one(
        "b2b.dealer.health.rule", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="health_id.company_id", store=True)
    partner_id = fields.Many2one(related="health_id.partner_id", string="Dealer")
    sequence = fields.Integer(related="rule_id.sequence")
    kind = fields.Selection(RULE_KINDS, readonly=True)
    threshold = fields.Float(readonly=True)
    reason = fields.Char(compute="_compute_reason")

    @api.depends(
        "kind",
        "threshold",
        "health_id.days_since_order",
        "health_id.last_order_date",
        "health_id.orders_current",
        "health_id.orders_previous",
        "health_id.amount_current",
        "health_id.amount_previous",
    )
    @api.depends_context("lang")
    def _compute_reason(self):
        for flag in self:
            flag.reason = flag._b2b_reason()

    def _b2b_reason(self):
        self.ensure_one()
        health = self.health_id
        threshold = (
            int(self.threshold) if self.threshold.is_integer() else self.threshold
        )
        if self.kind == "no_order":
            if health.last_order_date:
                return self.env._(
                    "No order for %(days)s days (last order on %(date)s; rule: "
                    "%(threshold)s days).",
                    days=health.days_since_order,
                    date=format_date(self.env, health.last_order_date),
                    threshold=threshold,
                )
            return self.env._(
                "No order for %(days)s days, never ordered (rule: %(threshold)s days).",
                days=health.days_since_order,
                threshold=threshold,
            )
        if self.kind == "frequency_down":
            current, previous = health.orders_current, health.orders_previous
            return self.env._(
                "%(current)s orders in the last %(period)s days against "
                "%(previous)s in the %(period)s days before: -%(drop)s %% "
                "(rule: -%(threshold)s %%).",
                current=current,
                previous=previous,
                period=PERIOD_DAYS,
                drop=self._b2b_drop(current, previous),
                threshold=threshold,
            )
        current, previous = health.amount_current, health.amount_previous
        return self.env._(
            "Ordered %(current)s in the last %(period)s days against "
            "%(previous)s in the %(period)s days before: -%(drop)s %% "
            "(rule: -%(threshold)s %%).",
            current=formatLang(self.env, current, currency_obj=health.currency_id),
            previous=formatLang(self.env, previous, currency_obj=health.currency_id),
            period=PERIOD_DAYS,
            drop=self._b2b_drop(current, previous),
            threshold=threshold,
        )

    @staticmethod
    def _b2b_drop(current, previous):
        if not previous:
            return 0
        return round((previous - current) * 100.0 / previous)
