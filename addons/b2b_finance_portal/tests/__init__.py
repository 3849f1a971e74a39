from . import test_payment_slip
from . import test_order_payment
from . import test_statement_snapshot
from . import test_access
from . import test_portal
from . import test_query_count
from . import test_tours
from . import test_plain_odoo
