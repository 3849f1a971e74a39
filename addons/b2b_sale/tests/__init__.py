from . import test_sale_order
from . import test_menu
