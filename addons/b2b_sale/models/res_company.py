# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_unique_client_ref = fields.Boolean(
        string="Unique Dealer PO Numbers",
        help="A dealer cannot use the same purchase order number (Customer "
        "Reference) on two orders that are not cancelled.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_unique_client_ref = fields.Boolean(
        related="company_id.b2b_unique_client_ref", readonly=False
    )
