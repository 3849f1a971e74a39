# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import b2b_region_warehouse
from . import b2b_dealer_region
from . import res_company
from . import res_partner
from . import product_product
from . import sale_order
from . import sale_order_line
