# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_access
from . import test_figures
from . import test_multi_company
from . import test_plain_odoo
from . import test_query_count
from . import test_rules
