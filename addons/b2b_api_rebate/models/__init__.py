from . import b2b_api
