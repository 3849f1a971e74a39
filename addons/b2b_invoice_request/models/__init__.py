from . import b2b_invoice_profile
from . import b2b_invoice_request
from . import b2b_invoice_request_line
from . import sale_order
from . import sale_order_line
from . import res_company
from . import res_config_settings
