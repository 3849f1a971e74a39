from . import portal
from . import sale
