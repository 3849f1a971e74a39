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
    amount_untaxed = fields.Monetary(
        string="Untaxed Amount",
        compute="_compute_amount",
        store=True,
        help="Without tax, as the invoice line computes it.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        help="Tax included, as the invoice line computes it (the order "
        "line's price, discount and taxes).",
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive."),
        (
            "line_unique",
            "UNIQUE(request_id, sale_line_id)",
            "An order line appears once in a request.",
        ),
    ]

    @api.depends(
        "quantity",
        "sale_line_id.price_unit",
        "sale_line_id.discount",
        "sale_line_id.tax_id",
    )
    def _compute_amount(self):
        # the figures the request form showed: the same method
        for line in self:
            figures = line.sale_line_id._b2b_invoice_request_amounts(
                {line.sale_line_id.id: line.quantity}
            ).get(line.sale_line_id.id, {})
            line.amount_untaxed = figures.get("untaxed", 0.0)
            line.amount = figures.get("total", 0.0)
