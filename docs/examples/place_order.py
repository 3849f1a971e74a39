#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Place an order through the Dealer B2B integrator API (b2b.api), as a
dealer's ERP would, over XML-RPC. Standard library only.

Against the demo database (``make run``: http://127.0.0.1:8069, database
dealer_b2b_demo, with b2b_api installed) it runs as is::

    python3 docs/examples/place_order.py
    python3 docs/examples/place_order.py --sku FURN_7800 --quantity 3 \
        --reference PO-2026-0042 --requested-date 2099-12-15

In production pass the integration user's API key with ``--key`` (or the
environment variable B2B_API_KEY); the demo user ``dealer_a_integration``
(dealer A, SH-001) also accepts its password, equal to its login.

Steps: credit and hold status, price, stock, submit (with an idempotency
key), submit again with the same key (same order, ``replayed``), status.
Exits with 1 when the order is refused, printing every error with its line.
"""

import argparse
import os
import sys
import uuid
import xmlrpc.client


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="dealer_b2b_demo")
    parser.add_argument("--login", default="dealer_a_integration")
    parser.add_argument(
        "--key",
        default=os.environ.get("B2B_API_KEY"),
        help="API key (default: B2B_API_KEY, else the demo password = login)",
    )
    parser.add_argument("--sku", action="append", help="SKU to order (repeatable)")
    parser.add_argument("--quantity", type=float, default=2)
    parser.add_argument("--reference", help="your PO number (client reference)")
    parser.add_argument("--requested-date", help="YYYY-MM-DD")
    parser.add_argument(
        "--idempotency-key", help="default: the reference, else a new UUID"
    )
    return parser.parse_args()


class B2bApi:
    def __init__(self, url, db, login, key):
        self.db, self.key = db, key
        common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
        self.uid = common.authenticate(db, login, key, {})
        if not self.uid:
            sys.exit(f"cannot authenticate {login} on {db} at {url}")
        self.proxy = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/object", allow_none=True
        )

    def __call__(self, operation, payload):
        return self.proxy.execute_kw(
            self.db, self.uid, self.key, "b2b.api", operation, [payload]
        )


def show_errors(result):
    for error in result["errors"]:
        where = f"line {error['line']}: " if "line" in error else ""
        print(f"  {error['code']}: {where}{error['message']}")


def main():
    args = parse_args()
    api = B2bApi(args.url, args.db, args.login, args.key or args.login)
    skus = args.sku or ["FURN_7800"]
    lines = [{"sku": sku, "quantity": args.quantity} for sku in skus]

    credit = api("dealer_credit", {})
    if not credit["ok"]:
        show_errors(credit)
        return 1
    limit = "no limit" if credit["unlimited"] else f"{credit['limit']:.2f}"
    print(
        f"credit: limit {limit}, exposure {credit['exposure']:.2f} "
        f"{credit['currency']}, on hold: {credit['on_hold']}"
    )

    prices = api("price_lines", {"lines": lines})
    if prices["ok"]:
        for line in prices["lines"]:
            print(
                f"price: {line['sku']} x {line['quantity']:g} at "
                f"{line['price_unit']:.2f} {prices['currency']}"
            )
    stock = api("product_availability", {"skus": skus})
    if stock["ok"]:
        for line in stock["lines"]:
            print(f"stock: {line['sku']} available {line['available']:g}")

    payload = {
        "idempotency_key": args.idempotency_key or args.reference or str(uuid.uuid4()),
        "lines": lines,
    }
    if args.reference:
        payload["client_reference"] = args.reference
    if args.requested_date:
        payload["requested_date"] = args.requested_date
    result = api("submit_order", payload)
    if not result["ok"]:
        print("order refused:")
        show_errors(result)
        return 1
    print(
        f"order {result['name']} (id {result['order_id']}): state "
        f"{result['state']}, approval {result['approval_state'] or '-'}, total "
        f"{result['amount_total']:.2f} {result['currency']}"
    )
    again = api("submit_order", payload)
    print(f"same key again: order id {again['order_id']}, replayed {again['replayed']}")
    status = api("order_status", {"order_id": result["order_id"]})
    for picking in status["deliveries"]:
        print(f"delivery {picking['name']}: {picking['state']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
