from . import test_cumulative_pricing
from . import test_dealer_pricelist
from . import test_order_rules
from . import test_price_list
from . import test_pricing_service
from . import test_plain_odoo
from . import test_settings
