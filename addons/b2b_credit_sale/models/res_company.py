# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_credit_include_sale_order = fields.Boolean(
        string="Exposure: Confirmed Orders Not Invoiced",
        default=True,
        help="Count the part of confirmed sales orders not invoiced yet in the "
        "dealer's exposure.",
    )
