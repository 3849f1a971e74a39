# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bDealerTier(models.Model):
    _inherit = "b2b.dealer.tier"

    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Pricelist",
        company_dependent=True,
        domain=lambda self: [("company_id", "in", (self.env.company.id, False))],
        tracking=True,
        help="Prices of the dealers of this tier, unless a dealer has a contract "
        "pricelist. Set per company when the tier is shared between companies.",
    )
