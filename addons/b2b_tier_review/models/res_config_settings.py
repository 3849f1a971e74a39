# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_tier_review = fields.Boolean(
        related="company_id.b2b_tier_review", readonly=False
    )
    b2b_tier_review_mode = fields.Selection(
        related="company_id.b2b_tier_review_mode", readonly=False
    )
    b2b_tier_review_hysteresis = fields.Float(
        related="company_id.b2b_tier_review_hysteresis", readonly=False
    )
    b2b_tier_review_grace_days = fields.Integer(
        related="company_id.b2b_tier_review_grace_days", readonly=False
    )
    b2b_tier_review_warning_days = fields.Integer(
        related="company_id.b2b_tier_review_warning_days", readonly=False
    )
    b2b_tier_review_next_date = fields.Date(
        related="company_id.b2b_tier_review_next_date", readonly=False
    )
