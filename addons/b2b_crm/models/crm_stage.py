# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

APPLICATION_STATES = [
    ("new", "New"),
    ("review", "Under Review"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class CrmStage(models.Model):
    _inherit = "crm.stage"

    b2b_application_state = fields.Selection(
        APPLICATION_STATES,
        string="Dealer Application Step",
        index="btree_not_null",
        help="The step of the dealer application pipeline this stage stands "
        "for. Empty for the stages of plain CRM pipelines.",
    )
