# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import b2b_dealer_health_rule
from . import b2b_dealer_health
from . import b2b_dealer_health_flag
from . import b2b_dealer_health_job
from . import mail_activity
from . import res_partner
from . import sale_order
