# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bDealerRegion(models.Model):
    _inherit = "b2b.dealer.region"

    b2b_warehouse_ids = fields.One2many(
        "b2b.region.warehouse",
        "region_id",
        string="Warehouses",
        help="Per company, the warehouses the region's dealers are served "
        "from: the first is the default warehouse of their orders, the next "
        "ones are tried in order when it cannot cover a line.",
    )
