# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import SQL

#: order lines with something invoiced: the only lines the exposure reads
INVOICED_LINES_INDEX = "b2b_credit_sol_invoiced_idx"


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def init(self):
        """The exposure subtracts what is invoiced of a dealer's open orders:
        this partial index lets it read only the lines that have an invoice
        (or are down payments), however many lines the open orders have."""
        res = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (order_id) "
                "WHERE qty_invoiced <> 0 OR is_downpayment",
                SQL.identifier(INVOICED_LINES_INDEX),
                SQL.identifier(self._table),
            )
        )
        return res
