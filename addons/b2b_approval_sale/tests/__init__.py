from . import test_sale_approval
from . import test_query_count
