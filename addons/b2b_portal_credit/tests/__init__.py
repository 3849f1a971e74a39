from . import test_portal_credit
from . import test_query_count
from . import test_plain_odoo
from . import test_order_status
