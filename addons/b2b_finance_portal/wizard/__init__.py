from . import b2b_payment_slip_reject
