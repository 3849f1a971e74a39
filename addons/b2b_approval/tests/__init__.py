from . import test_rule_matching
from . import test_flow
from . import test_reset
from . import test_access
from . import test_concurrency
from . import test_escalation_delegation
from . import test_query_count
