from . import b2b_api
from . import b2b_api_lines
from . import b2b_api_orders
from . import b2b_api_account
from . import b2b_api_idempotency
from . import b2b_api_rate
from . import res_partner
from . import res_users
