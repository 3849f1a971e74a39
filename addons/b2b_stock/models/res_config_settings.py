# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_stock_display = fields.Selection(
        related="company_id.b2b_stock_display", readonly=False
    )
    b2b_stock_low_threshold = fields.Float(
        related="company_id.b2b_stock_low_threshold", readonly=False
    )
    b2b_stock_band_cap = fields.Float(
        related="company_id.b2b_stock_band_cap", readonly=False
    )
