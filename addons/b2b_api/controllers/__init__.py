from . import schema
from . import rpc
