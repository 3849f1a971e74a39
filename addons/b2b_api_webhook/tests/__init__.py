from . import test_webhook_hooks
from . import test_webhook_queue
from . import test_webhook_subscription
