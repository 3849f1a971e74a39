# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bDealerRegion(models.Model):
    _inherit = "b2b.dealer.region"

    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Regional Pricelist",
        company_dependent=True,
        domain=lambda self: [("company_id", "in", (self.env.company.id, False))],
        help="Pricelist of the dealers of this region. When empty, the pricelist "
        "of the dealer's country group (standard Odoo) is the regional pricelist.",
    )
