# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL

from .models.account_move_line import OPEN_LINES_INDEX


def uninstall_hook(env):
    """Drop the index this module added to a core table."""
    env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(OPEN_LINES_INDEX)))
