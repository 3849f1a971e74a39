from . import test_credit_code
from . import test_application
from . import test_review
from . import test_license_expiry
from . import test_plain_odoo
from . import test_application_http
from . import test_application_tour
