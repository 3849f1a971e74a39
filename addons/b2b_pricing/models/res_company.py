# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_pricelist_precedence = fields.Selection(
        [
            ("tier", "Tier before region"),
            ("region", "Region before tier"),
        ],
        string="Dealer Pricelist Precedence",
        default="tier",
        required=True,
        help="Which pricelist a dealer without contract pricelist gets when both "
        "its tier and its region (or country group) have one. A contract "
        "pricelist set on the dealer always wins.",
    )
