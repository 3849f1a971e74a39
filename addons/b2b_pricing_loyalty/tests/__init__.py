from . import test_promotions
from . import test_plain_odoo
