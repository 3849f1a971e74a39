# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bDunningFeePolicy(models.Model):
    """Late-payment fees (违约金) of a company, for one dealer tier or for
    every tier without a policy of its own."""

    _name = "b2b.dunning.fee.policy"
    _description = "Late-Payment Fee Policy"
    _order = "company_id, tier_id, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    tier_id = fields.Many2one(
        "b2b.dealer.tier",
        string="Dealer Tier",
        help="Empty: every tier without a policy of its own.",
    )
    fee_type = fields.Selection(
        [
            ("daily_rate", "Daily rate on the overdue amount"),
            ("fixed", "Fixed amount per invoice"),
        ],
        required=True,
        default="daily_rate",
    )
    daily_rate = fields.Float(
        string="Daily Rate (%)",
        digits=(16, 4),
        help="Percentage of the invoice's open amount charged per day overdue "
        "beyond the grace period (0.05 = 0.05 % a day).",
    )
    fixed_amount = fields.Monetary(
        help="Charged once per invoice overdue beyond the grace period."
    )
    grace_days = fields.Integer(
        help="Days after the due date without a fee; the fee counts from the "
        "day after."
    )
    cap_amount = fields.Monetary(
        string="Cap per Invoice", help="Most charged for one invoice; 0: no cap."
    )
    product_id = fields.Many2one(
        "product.product",
        string="Fee Product",
        required=True,
        check_company=True,
        help="The product (and its income account and taxes) of the debit "
        "note's line.",
        default=lambda self: self.env.ref(
            "b2b_dunning.product_product_late_fee", raise_if_not_found=False
        ),
    )

    _sql_constraints = [
        (
            "company_tier_unique",
            "UNIQUE NULLS NOT DISTINCT(company_id, tier_id)",
            "A company has one late-fee policy per tier (and one for every "
            "other tier), archived ones included.",
        ),
    ]

    @api.constrains(
        "fee_type", "daily_rate", "fixed_amount", "grace_days", "cap_amount"
    )
    def _check_amounts(self):
        for policy in self:
            if policy.grace_days < 0 or policy.cap_amount < 0:
                raise ValidationError(
                    self.env._("The grace period and the cap cannot be negative.")
                )
            if policy.fee_type == "daily_rate" and not 0 < policy.daily_rate <= 100:
                raise ValidationError(
                    self.env._("The daily rate is a percentage above 0, at most 100.")
                )
            if policy.fee_type == "fixed" and policy.fixed_amount <= 0:
                raise ValidationError(self.env._("The fixed amount must be positive."))
