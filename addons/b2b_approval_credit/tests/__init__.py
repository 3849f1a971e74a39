from . import test_approval_credit
