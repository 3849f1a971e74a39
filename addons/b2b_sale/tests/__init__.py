from . import test_analytic_distribution
from . import test_menu
from . import test_plain_odoo
from . import test_sale_order
from . import test_invoiced_volume
