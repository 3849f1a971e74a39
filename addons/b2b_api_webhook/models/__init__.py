from . import b2b_api_webhook
from . import b2b_api_webhook_delivery
from . import account_move
from . import b2b_approval_request
from . import res_partner
from . import res_users
from . import sale_order
from . import stock_picking
