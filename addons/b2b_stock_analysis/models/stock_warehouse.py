# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    b2b_stock_responsible_id = fields.Many2one(
        "res.users",
        string="Low-Stock Responsible",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="Internal user who gets the warehouse's low-stock activities (at "
        "most one a day per product, closed when the stock is back). Empty: "
        "nobody, no low-stock alert for this warehouse.",
    )
    b2b_stock_threshold_ids = fields.One2many(
        "b2b.stock.threshold",
        "warehouse_id",
        string="Low-Stock Thresholds",
    )
