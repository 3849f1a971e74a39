# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL

from .models.sale_order import OPEN_ORDERS_INDEX
from .models.sale_order_line import INVOICED_LINES_INDEX


def uninstall_hook(env):
    """Drop the indexes this module added to core tables."""
    for index in (OPEN_ORDERS_INDEX, INVOICED_LINES_INDEX):
        env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(index)))
