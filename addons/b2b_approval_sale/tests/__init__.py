from . import test_plain_odoo
from . import test_query_count
from . import test_sale_approval
from . import test_inbox
