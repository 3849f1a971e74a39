from . import portal
from . import catalogue
from . import deliveries
from . import lists
from . import orders
from . import quick_order
from . import team
from . import price_list
