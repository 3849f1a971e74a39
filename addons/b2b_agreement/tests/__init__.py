from . import test_agreement
from . import test_signing
from . import test_ordering
from . import test_portal
from . import test_plain_odoo
from . import test_tours
