from . import test_api
from . import test_api_access
from . import test_api_fuzz
from . import test_api_review
from . import test_plain_odoo
from . import test_team_member
