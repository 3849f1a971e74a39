from . import test_credit_note_approval
