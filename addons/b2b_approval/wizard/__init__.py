from . import b2b_approval_request_line_reject
