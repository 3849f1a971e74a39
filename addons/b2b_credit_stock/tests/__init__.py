from . import test_delivery_policy
