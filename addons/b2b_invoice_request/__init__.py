from . import controllers
from . import models
from . import wizard
from . import demo
from .hooks import pre_init_hook
