from . import test_visibility
from . import test_quick_order
from . import test_portal_flows
from . import test_team
from . import test_query_count
from . import test_tours
from . import test_plain_odoo
from . import test_quick_order_lookup
