from . import b2b_api
from . import b2b_api_idempotency
from . import b2b_api_rate
from . import res_partner
from . import res_users
