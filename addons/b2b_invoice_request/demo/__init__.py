from . import b2b_invoice_request
