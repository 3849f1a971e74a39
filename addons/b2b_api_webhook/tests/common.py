# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A real HTTP receiver on 127.0.0.1 and subscriptions of the API users."""

import hashlib
import hmac
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo.tests import new_test_user

from odoo.addons.b2b_api.tests.common import B2bApiCommon

_logger = logging.getLogger(__name__)


class Receiver:
    """A threaded http.server on a random port of 127.0.0.1 that records
    every request; ``plan`` holds what the next requests get: an HTTP
    status, or ("sleep", seconds) before a 200."""

    def __init__(self):
        self.requests = []
        self.plan = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.requests.append(
                        {"path": self.path, "headers": dict(self.headers), "body": body}
                    )
                    action = receiver.plan.pop(0) if receiver.plan else 200
                if isinstance(action, tuple):
                    time.sleep(action[1])
                    action = 200
                try:
                    self.send_response(action)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except (BrokenPipeError, ConnectionResetError):
                    # a slow answer: the sender timed out and hung up
                    _logger.info("test receiver: the sender hung up")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def reset(self):
        with self.lock:
            self.requests.clear()
            self.plan.clear()

    def events(self):
        return [json.loads(r["body"]) for r in self.requests]


def verify(request, secret):
    """The receiver's check: HMAC-SHA256 of '<timestamp>.<raw body>'."""
    timestamp = request["headers"]["X-B2B-Timestamp"]
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + request["body"], hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(
        request["headers"]["X-B2B-Signature"], f"sha256={expected}"
    )


class B2bWebhookCommon(B2bApiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.receiver = Receiver()
        cls.addClassCleanup(cls.receiver.stop)
        cls.Webhook = cls.env["b2b.api.webhook"]
        cls.Delivery = cls.env["b2b.api.webhook.delivery"]
        cls.admin = new_test_user(
            cls.env, login="wh_admin", groups="base.group_user,base.group_system"
        )
        cls.credit_manager = new_test_user(
            cls.env,
            login="wh_credit_manager",
            groups="base.group_user,b2b_credit.b2b_credit_group_manager",
        )
        # one HTTP request at a time: the receiver's plan follows the queue
        cls.env["ir.config_parameter"].set_param("b2b_api_webhook.concurrency", "1")
        cls.hook_a = cls.Webhook.with_user(cls.admin).create(
            {"name": "ERP A", "user_id": cls.user_a.id, "url": cls.receiver.url}
        )

    def setUp(self):
        super().setUp()
        self.receiver.reset()
        # the index is a registry cache: what a rolled back test cached goes
        self.env.registry.clear_cache()
        self.addCleanup(self.env.registry.clear_cache)

    def deliveries(self, **domain):
        return self.Delivery.search(
            [(key, "=", value) for key, value in domain.items()], order="id"
        )

    def send(self, limit=None):
        return self.Delivery._b2b_webhook_process(limit=limit, commit=False)

    def confirmed_order(self, dealer=None, qty=2):
        order = self._b2b_order(
            dealer or self.dealer_a, [(self.product_2, qty)], confirm=True
        )
        self.assertEqual(order.state, "sale")
        return order
