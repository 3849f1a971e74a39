# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_sourcing
from . import test_available_to_promise
from . import test_plain_odoo
from . import test_dealer_availability
