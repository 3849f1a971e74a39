from . import test_exposure
from . import test_hold
from . import test_hold_multi_company
from . import test_invoice_policy
from . import test_override
from . import test_plain_odoo
from . import test_query_count
from . import test_statement
