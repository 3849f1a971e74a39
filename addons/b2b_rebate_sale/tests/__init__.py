from . import test_rebate_order
from . import test_plain_odoo
