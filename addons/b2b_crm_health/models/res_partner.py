# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_health_ids = fields.One2many(
        "b2b.dealer.health",
        "partner_id",
        string="Dealer Health",
        readonly=True,
        groups="b2b_base.b2b_base_group_salesman_own",
    )
