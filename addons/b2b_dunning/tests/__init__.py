from . import test_access
from . import test_fees
from . import test_plain_odoo
from . import test_query_count
from . import test_reminders
from . import test_subscription
from . import test_tours
