# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    b2b_health_rule_id = fields.Many2one(
        "b2b.dealer.health.rule",
        string="Dealer Health Rule",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="The health rule that planned this activity: one open activity "
        "per dealer and rule; it is closed when the dealer orders again.",
    )
