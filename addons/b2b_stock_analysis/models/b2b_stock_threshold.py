# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class B2bStockThreshold(models.Model):
    """The low-stock threshold of a product in a warehouse: below it (on
    hand in the warehouse), the warehouse's responsible user gets an
    activity. Without a threshold, the minimum of the product's reordering
    rules in the warehouse applies."""

    _name = "b2b.stock.threshold"
    _description = "Low-Stock Threshold"
    _order = "warehouse_id, product_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        related="warehouse_id.company_id", store=True, index=True, precompute=True
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Warehouse",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('is_storable', '=', True)]",
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    min_qty = fields.Float(
        string="Threshold",
        digits="Product Unit of Measure",
        required=True,
        help="Low stock when the quantity on hand in the warehouse is below "
        "this quantity (in the product's unit); back to normal at or above it.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "b2b_stock_threshold_unique",
            "unique(warehouse_id, product_id)",
            "A product has one low-stock threshold per warehouse.",
        ),
        (
            "b2b_stock_threshold_positive",
            "CHECK(min_qty >= 0)",
            "A low-stock threshold cannot be negative.",
        ),
    ]

    @api.depends("warehouse_id", "product_id")
    def _compute_display_name(self):
        for threshold in self:
            threshold.display_name = (
                f"{threshold.warehouse_id.code or ''} / "
                f"{threshold.product_id.display_name or ''}"
            )
