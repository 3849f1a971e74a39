# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_low_stock
from . import test_ageing
from . import test_multi_company
from . import test_plain_odoo
