# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_invoice_request = fields.Boolean(
        string="Dealer Invoice Requests",
        help="The dealers' finance and admin buyers keep invoice profiles and "
        "request the invoices of their delivered order lines in the portal.",
    )
