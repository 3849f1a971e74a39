# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bRebateLedger(models.Model):
    _inherit = "b2b.rebate.ledger"

    sale_order_id = fields.Many2one(
        "sale.order", string="Order", ondelete="set null", index="btree_not_null"
    )
