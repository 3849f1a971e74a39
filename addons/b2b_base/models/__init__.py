from . import b2b_buyer_role
from . import b2b_dealer_region
from . import b2b_dealer_tier
from . import res_partner
from . import res_users
