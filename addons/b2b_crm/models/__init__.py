from . import b2b_crm_application_attempt
from . import b2b_dealer_region
from . import crm_stage
from . import crm_lead
from . import crm_lead_review
from . import res_company
from . import res_config_settings
from . import res_partner
