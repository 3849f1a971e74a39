# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

BACKORDER_POLICIES = [
    ("available", "Ship What Is Available"),
    ("complete", "Ship Complete"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_backorder_policy = fields.Selection(
        BACKORDER_POLICIES,
        string="Dealer Backorder Policy",
        default="available",
        required=True,
        help="When no single warehouse of the dealer's region can cover an "
        "order line: ship what is available (the line is split across the "
        "region's warehouses, the rest waits in the first one) or ship "
        "complete (the line waits, whole, in the first warehouse). Dealers "
        "can have their own policy.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_backorder_policy = fields.Selection(
        related="company_id.b2b_backorder_policy", readonly=False
    )
