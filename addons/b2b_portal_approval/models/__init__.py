from . import b2b_approval_request
from . import sale_order
