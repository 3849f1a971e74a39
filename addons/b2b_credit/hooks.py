# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL

from .models.account_move import DRAFT_INVOICES_INDEX
from .models.account_move_line import OLD_OPEN_LINES_INDEX, OPEN_LINES_INDEX


def uninstall_hook(env):
    """Drop the indexes this module added to core tables."""
    for index in (OPEN_LINES_INDEX, OLD_OPEN_LINES_INDEX, DRAFT_INVOICES_INDEX):
        env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(index)))
