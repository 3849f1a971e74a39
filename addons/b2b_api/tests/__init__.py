from . import test_api
from . import test_api_access
from . import test_api_fuzz
from . import test_api_lines
from . import test_api_multi_company
from . import test_api_orders
from . import test_plain_odoo
from . import test_team_member
