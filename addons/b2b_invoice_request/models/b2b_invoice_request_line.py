# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class B2bInvoiceRequestLine(models.Model):
    _name = "b2b.invoice.request.line"
    _description = "Dealer Invoice Request Line"
    _order = "request_id, order_id, sale_line_id"
    _check_company_auto = True

    request_id = fields.Many2one(
        "b2b.invoice.request", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    dealer_id = fields.Many2one(related="request_id.dealer_id", store=True)
    state = fields.Selection(related="request_id.state", store=True)
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    order_id = fields.Many2one(
        related="sale_line_id.order_id", store=True, string="Order", index=True
    )
    product_id = fields.Many2one(related="sale_line_id.product_id")
    name = fields.Text(related="sale_line_id.name")
    product_uom = fields.Many2one(related="sale_line_id.product_uom")
    quantity = fields.Float(digits="Product Unit of Measure", required=True)
    currency_id = fields.Many2one(related="request_id.currency_id")
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        help="Tax included, at the order line's price.",
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive."),
        (
            "line_unique",
            "UNIQUE(request_id, sale_line_id)",
            "An order line appears once in a request.",
        ),
    ]

    @api.depends("quantity", "sale_line_id.price_total", "sale_line_id.product_uom_qty")
    def _compute_amount(self):
        for line in self:
            sale_line = line.sale_line_id
            unit = (
                sale_line.price_total / sale_line.product_uom_qty
                if sale_line.product_uom_qty
                else 0.0
            )
            line.amount = line.request_id.currency_id.round(unit * line.quantity)
