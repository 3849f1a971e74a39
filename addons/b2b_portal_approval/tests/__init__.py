from . import test_portal_approval
from . import test_query_count
from . import test_plain_odoo
