from . import test_settlement_approval
