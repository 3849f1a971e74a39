# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_api_user_ids = fields.Many2many(
        "res.users",
        "b2b_api_user_dealer_rel",
        "dealer_id",
        "user_id",
        string="API Integration Users",
        readonly=True,
        groups="b2b_base.b2b_base_group_manager",
        help="Integration users allowed to act for this dealer through the "
        "dealer API (set on the user).",
    )
