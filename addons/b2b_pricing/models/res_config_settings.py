# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_pricelist_precedence = fields.Selection(
        related="company_id.b2b_pricelist_precedence", readonly=False
    )
    b2b_product_domain = fields.Char(
        related="company_id.b2b_product_domain", readonly=False
    )
