from . import res_users
from . import b2b_order_list
from . import b2b_order_list_line
from . import b2b_quick_order
from . import sale_order
from . import ir_http
from . import product_product
from . import b2b_stock_subscription
