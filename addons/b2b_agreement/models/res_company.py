# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_agreement_required = fields.Boolean(
        string="Require a Signed Dealer Agreement",
        help="A dealer's order is confirmed only when the dealer has a signed "
        "agreement of this company covering today (backend, portal and API).",
    )
