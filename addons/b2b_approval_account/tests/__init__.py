from . import test_credit_note_approval
from . import test_plain_odoo
