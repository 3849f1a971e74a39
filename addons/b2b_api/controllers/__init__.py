from . import schema
