# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# Line fields whose change matters to an approval (products, amounts, taxes).
MATERIAL_LINE_FIELDS = {
    "product_id",
    "quantity",
    "product_uom_id",
    "price_unit",
    "discount",
    "tax_ids",
    "display_type",
    "balance",
    "amount_currency",
    "debit",
    "credit",
}


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.move_id._b2b_approval_fields_changed(["line_ids"])
        return lines

    def write(self, vals):
        res = super().write(vals)
        if MATERIAL_LINE_FIELDS.intersection(vals):
            self.move_id._b2b_approval_fields_changed(["line_ids"])
        return res

    def unlink(self):
        moves = self.move_id
        res = super().unlink()
        if moves._b2b_approval_has_rules():  # cached: no query without rules
            moves.exists()._b2b_approval_fields_changed(["line_ids"])
        return res
