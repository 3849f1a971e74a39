from . import crm_lead_reject
