from . import portal
from . import orders
