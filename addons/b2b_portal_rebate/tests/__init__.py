from . import test_portal_rebate
