# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_crm_suspend_expired = fields.Boolean(
        string="Suspend Dealers With An Expired Licence",
        help="The daily licence job suspends the approved dealers of the "
        "company whose business licence has expired.",
    )
