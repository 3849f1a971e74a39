from . import b2b_rebate_programme
from . import b2b_rebate_step
from . import b2b_rebate_accrual
from . import b2b_rebate_ledger
from . import b2b_rebate_balance
from . import b2b_rebate_dirty
from . import account_move
