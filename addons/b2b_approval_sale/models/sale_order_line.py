# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# Line fields whose change matters to an approval (amounts, products, prices).
MATERIAL_LINE_FIELDS = {
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
    "display_type",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._b2b_approval_fields_changed(["order_line"])
        return lines

    def write(self, vals):
        res = super().write(vals)
        if MATERIAL_LINE_FIELDS.intersection(vals):
            self.order_id._b2b_approval_fields_changed(["order_line"])
        return res

    def unlink(self):
        orders = self.order_id
        res = super().unlink()
        if orders._b2b_approval_has_rules():  # cached: no query without rules
            orders.exists()._b2b_approval_fields_changed(["order_line"])
        return res
