"""Webhooks as integrators see them: a 4-worker server confirms an order
submitted over XML-RPC with an API key, and a receiver on 127.0.0.1 gets
the signed event from the cron job (a second Odoo node running the cron,
woken right after the commit).
"""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.live.conftest import LiveServer


class CronNode(LiveServer):
    """An Odoo node with one cron worker (the live server has none)."""

    def command(self):
        return [
            "--max-cron-threads=1" if arg == "--max-cron-threads=0" else arg
            for arg in super().command()
            if not arg.startswith("--workers=")
        ] + ["--workers=1"]


class Receiver:
    def __init__(self):
        self.requests = []
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.arrived:
                    receiver.requests.append(
                        {"headers": dict(self.headers), "body": body}
                    )
                    receiver.arrived.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/b2b"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        with self.arrived:
            while not predicate(self.requests):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.arrived.wait(left)
        return True


def _id(result):
    return result[0] if isinstance(result, list) else result


def _verify(request, secret):
    headers = request["headers"]
    signed = headers["X-B2B-Timestamp"].encode() + b"." + request["body"]
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["X-B2B-Signature"], f"sha256={expected}")


@pytest.fixture(scope="module")
def webhook_world(live_server, odoo_env):
    s = live_server
    tag = s.unique("wh")
    receiver = Receiver()
    dealers = s.admin(
        "res.partner",
        "create",
        [
            {
                "name": f"WH Dealer {name} {tag}",
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_state": "approved",
                "b2b_dealer_code": f"{name}-{tag}",
            }
            for name in ("A", "B")
        ],
        context={"b2b_import_state": True},
    )
    product = _id(
        s.admin(
            "product.product",
            "create",
            [
                {
                    "name": f"WH valve {tag}",
                    "default_code": f"WHV-{tag}",
                    "type": "consu",
                    "list_price": 10.0,
                    "taxes_id": [(6, 0, [])],
                }
            ],
        )
    )
    [portal] = s.admin(
        "ir.model.data",
        "search_read",
        [("module", "=", "base"), ("name", "=", "group_portal")],
        ["res_id"],
    )
    [integration] = s.admin(
        "ir.model.data",
        "search_read",
        [("module", "=", "b2b_api"), ("name", "=", "b2b_api_group_integration")],
        ["res_id"],
    )
    users = {}
    for name, dealer in zip(("A", "B"), dealers, strict=True):
        contact = _id(
            s.admin(
                "res.partner",
                "create",
                [{"name": f"ERP {name} {tag}", "parent_id": dealer}],
            )
        )
        uid = _id(
            s.admin(
                "res.users",
                "create",
                [
                    {
                        "name": f"ERP {name} {tag}",
                        "login": f"wh-erp-{name}-{tag}",
                        "partner_id": contact,
                        "groups_id": [
                            (6, 0, [portal["res_id"], integration["res_id"]])
                        ],
                        "b2b_api_dealer_ids": [(6, 0, [dealer])],
                        "b2b_api_rate_limit": 100000,
                    }
                ],
            )
        )
        action = s.admin("res.users", "action_b2b_api_generate_key", [uid])
        users[name] = (uid, f"wh-erp-{name}-{tag}", action["context"]["default_key"])
    hook = _id(
        s.admin(
            "b2b.api.webhook",
            "create",
            [{"name": f"ERP A {tag}", "user_id": users["A"][0], "url": receiver.url}],
        )
    )
    [secret] = s.admin("b2b.api.webhook", "read", [hook], ["secret"])
    cron = CronNode(odoo_env, s.db)
    cron.start()
    try:
        yield {
            "tag": tag,
            "dealers": dealers,
            "product": product,
            "users": users,
            "hook": hook,
            "secret": secret["secret"],
            "receiver": receiver,
        }
    finally:
        cron.stop()
        receiver.server.shutdown()


def _submit(s, user, product, key):
    _uid, login, api_key = user
    uid = s.xmlrpc_common().authenticate(s.db, login, api_key, {})
    return s.xmlrpc_object().execute_kw(
        s.db,
        uid,
        api_key,
        "b2b.api",
        "submit_order",
        [{"idempotency_key": key, "lines": [{"product_id": product, "quantity": 2}]}],
    )


def test_confirmed_order_reaches_the_receiver_signed(live_server, webhook_world):
    s, w = live_server, webhook_world
    receiver = w["receiver"]
    started = time.monotonic()
    result = _submit(s, w["users"]["A"], w["product"], s.unique("wh"))
    assert result["ok"] and result["state"] == "sale", result
    order_id = result["order_id"]

    def got(requests):
        return any(
            json.loads(r["body"])["data"].get("order_id") == order_id for r in requests
        )

    # the cron is woken right after the commit, not at its next minute
    assert receiver.wait_for(got, timeout=50), "no webhook within 50 s"
    latency = time.monotonic() - started
    [request] = [
        r
        for r in receiver.requests
        if json.loads(r["body"])["data"].get("order_id") == order_id
    ]
    assert _verify(request, w["secret"])
    body = json.loads(request["body"])
    assert body["type"] == "order.confirmed"
    assert request["headers"]["X-B2B-Event"] == "order.confirmed"
    assert request["headers"]["X-B2B-Delivery"] == body["id"]
    assert body["dealer"]["id"] == w["dealers"][0]
    assert body["data"]["state"] == "sale"
    assert body["data"]["lines"][0]["quantity"] == 2.0
    [delivery] = s.admin(
        "b2b.api.webhook.delivery",
        "search_read",
        [("event_id", "=", body["id"])],
        ["state", "attempts", "last_status", "res_id"],
    )
    assert delivery["state"] == "done" and delivery["attempts"] == 1
    assert delivery["last_status"] == 204 and delivery["res_id"] == order_id
    print(f"webhook received {latency:.1f} s after submit_order")


def test_other_dealer_order_is_never_sent(live_server, webhook_world):
    s, w = live_server, webhook_world
    receiver = w["receiver"]
    other = _submit(s, w["users"]["B"], w["product"], s.unique("wh-b"))
    assert other["ok"], other
    mine = _submit(s, w["users"]["A"], w["product"], s.unique("wh-a"))
    assert mine["ok"], mine

    def got(requests):
        return any(
            json.loads(r["body"])["data"].get("order_id") == mine["order_id"]
            for r in requests
        )

    assert receiver.wait_for(got, timeout=50)
    orders = {json.loads(r["body"])["data"].get("order_id") for r in receiver.requests}
    assert other["order_id"] not in orders
    dealers = {json.loads(r["body"])["dealer"]["id"] for r in receiver.requests}
    assert dealers == {w["dealers"][0]}
