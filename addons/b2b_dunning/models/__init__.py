from . import account_move
from . import b2b_dunning_stage
from . import b2b_dunning_subscription
from . import b2b_dunning_reminder
from . import b2b_dunning_log
from . import b2b_dunning_fee_policy
from . import b2b_dunning_fee
