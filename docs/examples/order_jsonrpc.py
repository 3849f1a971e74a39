#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Price, submit and follow an order over JSON-RPC (``/jsonrpc``) with
``requests``, as an integrator with its API key (docs/API.md).

Environment: B2B_URL (http://127.0.0.1:8069), B2B_DB (dealer_b2b_demo),
B2B_USER (dealer_a_integration), B2B_KEY (the API key; the demo user also
accepts its password, equal to its login), B2B_SKU (FURN_7800),
B2B_QUANTITY (3).

Exits with 1 when a call is refused, printing every error with its line.
"""

import os
import sys
import uuid

import requests

URL = os.environ.get("B2B_URL", "http://127.0.0.1:8069")
DB = os.environ.get("B2B_DB", "dealer_b2b_demo")
LOGIN = os.environ.get("B2B_USER", "dealer_a_integration")
KEY = os.environ.get("B2B_KEY") or os.environ.get("B2B_PASSWORD") or LOGIN
SKU = os.environ.get("B2B_SKU", "FURN_7800")
QUANTITY = float(os.environ.get("B2B_QUANTITY", "3"))


def jsonrpc(service, method, *args):
    body = {
        "jsonrpc": "2.0",
        "method": "call",
        "id": 1,
        "params": {"service": service, "method": method, "args": list(args)},
    }
    answer = requests.post(f"{URL}/jsonrpc", json=body, timeout=60).json()
    if "error" in answer:  # authentication and transport errors only
        sys.exit(f"{method}: {answer['error']['data']['message']}")
    return answer["result"]


uid = jsonrpc("common", "login", DB, LOGIN, KEY)
if not uid:
    sys.exit(f"cannot authenticate {LOGIN} on {DB} at {URL}")


def call(operation, payload):
    result = jsonrpc(
        "object", "execute_kw", DB, uid, KEY, "b2b.api", operation, [payload]
    )
    if not result["ok"]:
        for error in result["errors"]:
            where = f"line {error['line']}: " if "line" in error else ""
            print(f"  {error['code']}: {where}{error['message']}")
        sys.exit(f"{operation} refused")
    return result


lines = [{"sku": SKU, "quantity": QUANTITY}]
prices = call("price_lines", {"lines": lines})
for line in prices["lines"]:
    print(
        f"price {line['sku']} x {line['quantity']}: {line['price_unit']} "
        f"{prices['currency']} (list {line['list_price']}, -{line['discount']}%)"
    )
reference = f"PO-{uuid.uuid4().hex[:8]}"
order = call(
    "submit_order",
    {"idempotency_key": reference, "client_reference": reference, "lines": lines},
)
print(
    f"submitted {order['name']} #{order['order_id']}: {order['state']}, "
    f"{order['amount_total']} {order['currency']}"
)
status = call("order_status", {"client_reference": reference})
print(
    f"status {status['state']} approval {status['approval_state'] or '-'}, "
    f"{len(status['deliveries'])} delivery(ies), {len(status['invoices'])} invoice(s)"
)
