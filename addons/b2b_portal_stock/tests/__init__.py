# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_order_page
from . import test_availability
from . import test_tours
from . import test_plain_odoo
