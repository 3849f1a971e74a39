from . import res_company
from . import res_config_settings
from . import b2b_credit_exposure
from . import b2b_payment_slip
from . import b2b_statement_snapshot
from . import b2b_statement_snapshot_line
from . import ir_attachment
