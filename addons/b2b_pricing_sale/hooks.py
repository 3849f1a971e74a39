# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

#: format of sale.order.line._b2b_own_price_key, in SQL
PRICE_KEY_SQL = SQL(
    "concat(coalesce(product_id, 0), '/', coalesce(product_uom, 0), '/', "
    "to_char(coalesce(product_uom_qty, 0), 'FM999999999999990.000000'))"
)


def pre_init_hook(env):
    """Create and fill the new stored columns of existing orders in SQL.

    Without it, installing the module would compute them with the ORM, and
    computing ``b2b_price_key`` runs the price computation: every existing
    line would be repriced. Existing lines keep their prices; their price
    origin is left empty (unknown).
    """
    cr = env.cr
    columns = [
        ("sale_order_line", "b2b_price_key", "varchar"),
        ("sale_order_line", "b2b_discount_key", "varchar"),
        ("sale_order_line", "b2b_price_rule_id", "int4"),
        ("sale_order_line", "b2b_price_source", "varchar"),
        ("sale_order", "b2b_pricelist_source", "varchar"),
    ]
    created = set()
    for table, column, column_type in columns:
        if not column_exists(cr, table, column):
            create_column(cr, table, column, column_type)
            created.add(column)
    if {"b2b_price_key", "b2b_discount_key"} <= created:
        cr.execute(
            SQL(
                "UPDATE sale_order_line SET b2b_price_key = %(key)s, "
                "b2b_discount_key = %(key)s",
                key=PRICE_KEY_SQL,
            )
        )
