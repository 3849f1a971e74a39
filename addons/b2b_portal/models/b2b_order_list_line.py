# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bOrderListLine(models.Model):
    _name = "b2b.order.list.line"
    _description = "Dealer Saved Order List Line"
    _order = "list_id, sequence, id"
    _check_company_auto = True

    list_id = fields.Many2one(
        "b2b.order.list", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="list_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", required=True, ondelete="cascade", check_company=True
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The quantity of a saved list line must be positive.",
        )
    ]
