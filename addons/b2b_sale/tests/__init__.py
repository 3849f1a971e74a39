from . import test_sale_order
from . import test_menu
from . import test_analytic_distribution
