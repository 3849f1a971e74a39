from . import b2b_approval_rule
from . import sale_order
