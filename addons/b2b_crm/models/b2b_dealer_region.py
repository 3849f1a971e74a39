# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bDealerRegion(models.Model):
    _inherit = "b2b.dealer.region"

    b2b_crm_team_id = fields.Many2one(
        "crm.team",
        string="Application Sales Team",
        check_company=True,
        help="The sales team that reviews the dealer applications of this "
        "region; its members receive them in turn. Empty: the Dealer "
        "Applications team.",
    )
