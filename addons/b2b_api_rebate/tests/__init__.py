from . import test_api_rebate
from . import test_plain_odoo
