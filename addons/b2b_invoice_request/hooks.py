# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column


def pre_init_hook(env):
    """The sale lines' requested and requestable quantities, created and
    filled in SQL: no request exists yet, so nothing is requested and all
    that was delivered can be requested (no ORM recomputation of every sale
    line of a large database at installation)."""
    cr = env.cr
    for column in ("b2b_invoice_requested_qty", "b2b_invoice_requestable_qty"):
        if not column_exists(cr, "sale_order_line", column):
            create_column(cr, "sale_order_line", column, "numeric")
    cr.execute(
        SQL(
            "UPDATE sale_order_line SET b2b_invoice_requested_qty = 0, "
            "b2b_invoice_requestable_qty = CASE WHEN display_type IS NULL "
            "AND COALESCE(is_downpayment, FALSE) = FALSE "
            "THEN GREATEST(COALESCE(qty_delivered, 0), 0) ELSE 0 END"
        )
    )
