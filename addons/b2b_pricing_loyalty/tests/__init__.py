from . import test_promotions
