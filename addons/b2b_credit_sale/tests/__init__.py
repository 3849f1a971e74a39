from . import test_plain_odoo
from . import test_sale_exposure
from . import test_sale_policy
from . import test_sale_query_count
