from . import b2b_agreement_template
from . import b2b_agreement
from . import b2b_agreement_renewal
from . import res_company
from . import res_config_settings
from . import res_partner
from . import sale_order
from . import ir_attachment
