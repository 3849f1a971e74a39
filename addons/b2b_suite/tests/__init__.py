# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_one_path
from . import test_portal_access_matrix
from . import test_portal_responsive
from . import test_portal_zh_cn
from . import test_order_flow
