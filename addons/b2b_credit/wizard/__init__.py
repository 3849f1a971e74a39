from . import res_partner_credit_hold
from . import res_partner_credit_increase
from . import b2b_credit_document_override
from . import res_partner_credit_statement
