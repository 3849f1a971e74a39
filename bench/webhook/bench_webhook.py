#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Webhook benchmark: events delivered per second to a local receiver, and
the queries an order confirmation pays for writing its event.

One command (from the repository root)::

    make bench BENCH=webhook
    python3 bench/webhook/bench_webhook.py --db b2b_bench_webhook --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_api_webhook`` in it;
- generates the dataset once: ``--dealers`` (20) approved dealers, a product,
  a brand-side integration user linked to all dealers but the last one, and
  its subscription (its URL is set to this run's receiver);
- **cost**: confirms ``--orders`` (30) orders of a subscribed dealer and of
  the dealer without subscription, alternately, in the same run, and counts
  the SQL queries of ``action_confirm`` (flushed) for each: the difference is
  what writing the event costs (target: at most 2);
- **throughput**: queues ``--events`` (1000) ``order.confirmed`` events over
  the subscribed dealers (one FIFO line per dealer) and over a single dealer
  (one line: sent one after the other), commits, and times the cron's
  ``_b2b_webhook_process`` sending them to a threaded HTTP receiver on
  127.0.0.1 (payload = ``order_status`` built as the integration user,
  signed, ``--concurrency`` requests at once); prints events/second.
"""

import os
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-WH-V1"


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--dealers", type=int, default=20)
    parser.add_argument("--orders", type=int, default=30, help="per dealer kind")
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4)
    return parser.parse_args()


class Receiver:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.count += 1
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/bench"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def generate(env, args):
    Partner = env["res.partner"].with_context(b2b_import_state=True)
    dealers = Partner.search(
        [("b2b_dealer_code", "=like", f"{MARKER}-%")], order="b2b_dealer_code"
    )
    if len(dealers) < args.dealers:
        print("generating the dataset")
        dealers |= Partner.create(
            [
                {
                    "name": f"Bench WH dealer {i}",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": f"{MARKER}-{i:03d}",
                    "b2b_state": "approved",
                }
                for i in range(len(dealers), args.dealers)
            ]
        )
    product = env["product.product"].search([("default_code", "=", MARKER)])
    if not product:
        product = env["product.product"].create(
            {"name": "Bench WH product", "default_code": MARKER, "type": "consu"}
        )
    user = env["res.users"].search([("login", "=", f"{MARKER}-edi")])
    if not user:
        user = env["res.users"].create(
            {
                "name": "Bench EDI",
                "login": f"{MARKER}-edi",
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            env.ref("base.group_user").id,
                            env.ref("b2b_api.b2b_api_group_integration").id,
                        ],
                    )
                ],
                "b2b_api_rate_limit": 10**9,
            }
        )
    subscribed, plain = dealers[:-1], dealers[-1]
    user.b2b_api_dealer_ids = [(6, 0, subscribed.ids)]
    return subscribed, plain, product, user


def confirm_queries(env, dealer, product):
    order = env["sale.order"].create(
        {"partner_id": dealer.id, "order_line": [(0, 0, {"product_id": product.id})]}
    )
    env.flush_all()
    env.invalidate_all()
    cr = env.cr
    before = cr.sql_log_count
    order.action_confirm()
    env.flush_all()
    return cr.sql_log_count - before, order


def queue_events(env, dealers, product, count):
    """``count`` order.confirmed events over ``dealers`` (round robin)."""
    Order = env["sale.order"]
    order_of = {}
    for dealer in dealers:
        order = Order.search(
            [("partner_id", "=", dealer.id), ("state", "=", "sale")], limit=1
        )
        order_of[dealer.id] = order.id or confirm_queries(env, dealer, product)[1].id
    env["b2b.api.webhook.delivery"].search([("state", "=", "pending")]).write(
        {"state": "failed"}
    )
    items = []
    for i in range(count):
        dealer = dealers[i % len(dealers)]
        items.append(("sale.order", order_of[dealer.id], dealer.id, env.company.id))
    env["b2b.api.webhook"]._b2b_webhook_emit("order.confirmed", items)


def throughput(registry, receiver, dealers, product, args):
    """(events received, seconds) to send ``args.events`` queued events."""
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        queue_events(env, dealers, product, args.events)
        cr.commit()
    before = receiver.count
    started = time.perf_counter()
    sent = 0
    while sent < args.events:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            done = env["b2b.api.webhook.delivery"]._b2b_webhook_process(
                limit=args.events, commit=True
            )
        if not done:
            break
        sent += done
    return receiver.count - before, time.perf_counter() - started


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_api_webhook"])
    from odoo import SUPERUSER_ID, api

    receiver = Receiver()
    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        subscribed, plain, product, user = generate(env, args)
        Webhook = env["b2b.api.webhook"].with_context(active_test=False)
        hook = Webhook.search([("user_id", "=", user.id)], limit=1)
        values = {"name": "Bench", "user_id": user.id, "url": receiver.url}
        if hook:
            hook.write(dict(values, active=True))
        else:
            Webhook.create(values)
        env["ir.config_parameter"].set_param(
            "b2b_api_webhook.concurrency", str(args.concurrency)
        )
        # earlier runs' deliveries out of the way
        env["b2b.api.webhook.delivery"].search([("state", "=", "pending")]).write(
            {"state": "failed"}
        )
        cr.commit()

    # --- cost of writing the event at confirmation ---------------------
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        for dealer in (subscribed[0], plain):  # warm-up
            confirm_queries(env, dealer, product)
        counts = {"subscribed": [], "plain": []}
        orders = []
        for _i in range(args.orders):
            n, order = confirm_queries(env, subscribed[0], product)
            counts["subscribed"].append(n)
            orders.append(order)
            counts["plain"].append(confirm_queries(env, plain, product)[0])
        cr.rollback()
    sub = statistics.median(counts["subscribed"])
    base = statistics.median(counts["plain"])

    # --- throughput ------------------------------------------------------
    results = {}
    lines = ((f"{len(subscribed)} dealers", subscribed), ("1 dealer", subscribed[:1]))
    for name, dealers in lines:
        results[name] = throughput(registry, receiver, dealers, product, args)

    print(
        f"\nconfirmation of a 1-line order, SQL queries (median of {args.orders}):"
        f"\n  dealer without subscription: {base:g}"
        f"\n  dealer with a subscription:  {sub:g}"
        f"\n  added by the event:          {sub - base:+g} (target <= +2)"
    )
    print(f"\nthroughput, {args.events} events, concurrency {args.concurrency}:")
    for name, (received, elapsed) in results.items():
        print(
            f"  {name:<11} {received:5d} received in {elapsed:6.1f} s: "
            f"{received / elapsed:7.1f} events/s"
        )
    if sub - base > 2 or any(r != args.events for r, _e in results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
