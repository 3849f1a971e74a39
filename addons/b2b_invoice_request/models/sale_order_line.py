# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools import SQL

#: the context key holding ``{sale line id: quantity}`` while an invoice is
#: created from an invoice request (Odoo's own invoicing, restricted)
REQUEST_QTY_KEY = "b2b_invoice_request_qty"


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    b2b_invoice_request_line_ids = fields.One2many(
        "b2b.invoice.request.line", "sale_line_id", string="Invoice Request Lines"
    )
    b2b_invoice_requested_qty = fields.Float(
        string="Invoice Requested",
        digits="Product Unit of Measure",
        compute="_compute_b2b_invoice_requested_qty",
        store=True,
        help="Quantity of the line in the dealer's invoice requests that were "
        "not rejected.",
    )
    b2b_invoice_requestable_qty = fields.Float(
        string="Invoice Requestable",
        digits="Product Unit of Measure",
        compute="_compute_b2b_invoice_requested_qty",
        store=True,
        help="Delivered quantity the dealer may still request an invoice for.",
    )

    def init(self):  # pylint: disable=missing-return
        super().init()
        # the dealer's lines still to request, what the request form searches
        tools.create_index(
            self.env.cr,
            "sale_order_line_b2b_invoice_requestable_index",
            self._table,
            ["order_partner_id"],
            where="b2b_invoice_requestable_qty > 0",
        )

    @api.depends(
        "qty_delivered",
        "display_type",
        "is_downpayment",
        "b2b_invoice_request_line_ids.quantity",
        "b2b_invoice_request_line_ids.state",
    )
    def _compute_b2b_invoice_requested_qty(self):
        for line in self:
            requested = sum(
                request_line.quantity
                for request_line in line.b2b_invoice_request_line_ids
                if request_line.state != "rejected"
            )
            line.b2b_invoice_requested_qty = requested
            line.b2b_invoice_requestable_qty = (
                0.0
                if line.display_type or line.is_downpayment
                else max(line.qty_delivered - requested, 0.0)
            )

    def _b2b_lock_for_invoice_request(self):
        """Lock the sale lines (in id order, no deadlock between two requests)
        before their requestable quantities are checked: a second request of
        the same lines waits for the first one's transaction, whose
        recomputation updates these rows; under Odoo's repeatable read the
        second one then fails to serialize and is retried, and sees the
        quantities the first one took."""
        if not self:
            return
        self.env.cr.execute(
            SQL(
                "SELECT id FROM sale_order_line WHERE id IN %s ORDER BY id FOR UPDATE",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(
            [
                "qty_delivered",
                "b2b_invoice_requested_qty",
                "b2b_invoice_requestable_qty",
            ]
        )

    def _b2b_invoice_request_amounts(self, quantities=None):
        """The figures of invoicing ``quantities`` (``{line id: qty}``,
        default: each line's requestable quantity) of these lines, as the
        invoice created from the request computes them: the sale line's
        price, discount and taxes (Odoo's own tax computation of sale and
        invoice lines), rounded per line in the order's currency.

        The one source of the amounts of the request form, its lines and
        the request (``b2b.invoice.request.line._compute_amount``).

        :return: ``{line id: {"quantity", "price_unit", "discount",
            "untaxed", "total", "currency_id"}}``
        """
        AccountTax = self.env["account.tax"]
        amounts = {}
        for line in self:
            quantity = (
                quantities.get(line.id, 0.0)
                if quantities is not None
                else line.b2b_invoice_requestable_qty
            )
            currency = line.order_id.currency_id or line.company_id.currency_id
            base_line = line._prepare_base_line_for_taxes_computation(quantity=quantity)
            AccountTax._add_tax_details_in_base_line(base_line, line.company_id)
            details = base_line["tax_details"]
            amounts[line.id] = {
                "quantity": quantity,
                "price_unit": line.price_unit,
                "discount": line.discount,
                "untaxed": currency.round(details["raw_total_excluded_currency"]),
                "total": currency.round(details["raw_total_included_currency"]),
                "currency_id": currency.id,
            }
        return amounts

    def _prepare_invoice_line(self, **optional_values):
        values = super()._prepare_invoice_line(**optional_values)
        quantities = self.env.context.get(REQUEST_QTY_KEY)
        if quantities and self.id in quantities and not self.display_type:
            values["quantity"] = quantities[self.id]
        return values
