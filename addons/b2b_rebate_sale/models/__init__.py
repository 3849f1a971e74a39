from . import res_company
from . import res_config_settings
from . import b2b_rebate_ledger
from . import sale_order
from . import sale_order_line
