from . import test_programme
from . import test_accrual
from . import test_settlement
from . import test_access
from . import test_query_count
from . import test_plain_odoo
from . import test_balance
from . import test_accrual_entry
