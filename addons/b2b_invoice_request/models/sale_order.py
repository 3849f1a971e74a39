# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .sale_order_line import REQUEST_QTY_KEY


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _get_invoiceable_lines(self, final=False):
        """While an invoice request is invoiced: only its lines (Odoo's own
        invoicing otherwise)."""
        lines = super()._get_invoiceable_lines(final=final)
        quantities = self.env.context.get(REQUEST_QTY_KEY)
        if quantities:
            lines = lines.filtered(lambda line: line.id in quantities)
        return lines
