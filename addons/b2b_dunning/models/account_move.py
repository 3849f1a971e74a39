# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # no column on account_move: the fees point to the invoices
    b2b_dunning_fee_ids = fields.One2many(
        "b2b.dunning.fee", "move_id", string="Late Fees", readonly=True
    )
    b2b_dunning_charged_fee_ids = fields.One2many(
        "b2b.dunning.fee",
        "debit_move_id",
        string="Late Fees Charged",
        readonly=True,
        help="The late fees this debit note charges.",
    )
