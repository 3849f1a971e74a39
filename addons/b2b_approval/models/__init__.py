from . import b2b_approval_delegation
from . import b2b_approval_rule
from . import b2b_approval_step
from . import b2b_approval_request
from . import b2b_approval_request_line
from . import b2b_approval_mixin
