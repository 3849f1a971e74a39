# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

TIER_REVIEW_MODES = [
    ("auto", "Apply automatically"),
    ("approve", "A manager approves"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_tier_review = fields.Boolean(
        string="Automatic Tier Review",
        help="Every month, review the tier of the company's approved dealers "
        "against their 12-month net invoiced volume.",
    )
    b2b_tier_review_mode = fields.Selection(
        TIER_REVIEW_MODES,
        string="Tier Changes",
        default="approve",
        required=True,
        help="Apply the review's upgrades and due downgrades at once, or "
        "propose them to a dealer manager, who approves or rejects them.",
    )
    b2b_tier_review_hysteresis = fields.Float(
        string="Downgrade Margin (%)",
        default=10.0,
        help="A dealer is downgraded only when its volume falls below its "
        "tier's entry volume minus this margin; it is upgraded as soon as it "
        "reaches the next tier's entry volume. A dealer near a boundary does "
        "not flip every month.",
    )
    b2b_tier_review_grace_days = fields.Integer(
        string="Downgrade Grace Period (Days)",
        default=90,
        help="A dealer below the downgrade line is downgraded only when it "
        "has stayed below for this many days.",
    )
    b2b_tier_review_warning_days = fields.Integer(
        string="Downgrade Warning (Days)",
        default=14,
        help="The salesperson gets an activity this many days before a "
        "downgrade takes effect.",
    )
    b2b_tier_review_next_date = fields.Date(
        string="Next Tier Review",
        help="The day of the next full review (monthly). Between two full "
        "reviews the daily job only follows the dealers in their grace period.",
    )

    @api.constrains(
        "b2b_tier_review_hysteresis",
        "b2b_tier_review_grace_days",
        "b2b_tier_review_warning_days",
    )
    def _check_b2b_tier_review(self):
        for company in self:
            if not 0.0 <= company.b2b_tier_review_hysteresis < 100.0:
                raise ValidationError(
                    self.env._("The downgrade margin is a percentage from 0 to 99.")
                )
            if (
                company.b2b_tier_review_grace_days < 0
                or company.b2b_tier_review_warning_days < 0
            ):
                raise ValidationError(
                    self.env._("The grace period and the warning cannot be negative.")
                )
