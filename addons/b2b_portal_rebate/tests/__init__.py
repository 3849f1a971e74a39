from . import test_portal_rebate
from . import test_portal_rebate_order
from . import test_plain_odoo
