from . import res_partner_statement
