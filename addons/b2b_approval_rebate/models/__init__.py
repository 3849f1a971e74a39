from . import b2b_rebate_settlement
