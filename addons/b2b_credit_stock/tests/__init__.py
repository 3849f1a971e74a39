from . import test_delivery_policy
from . import test_plain_odoo
