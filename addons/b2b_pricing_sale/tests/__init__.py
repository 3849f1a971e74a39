from . import test_order_rules_sale
from . import test_plain_odoo
from . import test_portal
from . import test_query_count
from . import test_sale_pricing
