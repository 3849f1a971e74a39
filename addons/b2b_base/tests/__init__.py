from . import test_dealer_lifecycle
from . import test_dealer_code
from . import test_buyer_roles
from . import test_access
from . import test_multi_company
from . import test_portal_rpc
from . import test_plain_odoo
from . import test_batch_write
