#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API benchmark: orders per second through ``b2b.api.submit_order``
against the same orders created by raw ``execute_kw`` chains.

One command (from the repository root)::

    make bench BENCH=api
    python3 bench/api/bench_api.py --db b2b_bench_api --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_api`` in it;
- generates the dataset once: an approved dealer, 50 products with SKUs, an
  internal salesperson (for the raw chains) and a portal integration user of
  the dealer; a fresh API key for each run;
- starts Odoo with 2 HTTP workers pinned on 2 cores (``taskset`` when
  available) on a free port of 127.0.0.1, and, in the same run, places
  ``--orders`` orders of ``--lines`` lines with ``--clients`` concurrent
  XML-RPC clients:

  * ``api``: one ``submit_order`` call per order (validation, idempotency
    row, rate-limit counter, creation and confirmation: one transaction);
  * ``raw``: the chain an integrator writes without the API, three calls per
    order: ``sale.order.create``, ``sale.order.line.create`` (all lines in
    one call) and ``sale.order.action_confirm``, as the salesperson;

  and prints orders/second, p50 / p95 latency per order and calls per order.
  The orders are left in the benchmark database (confirmed quotations).
"""

import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
import xmlrpc.client

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-API-V1"
N_PRODUCTS = 50
PASSWORD = "bench-api-salesman"


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--orders", type=int, default=200, help="orders per mode")
    parser.add_argument("--lines", type=int, default=5, help="lines per order")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2)
    return parser.parse_args()


def generate(env):
    """The dataset (once) and a fresh API key; returns what the clients need."""
    Partner = env["res.partner"]
    dealer = Partner.search([("b2b_dealer_code", "=", MARKER)], limit=1)
    if not dealer:
        print("generating the dataset")
        dealer = Partner.with_context(b2b_import_state=True).create(
            {
                "name": "Bench API dealer",
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_dealer_code": MARKER,
                "b2b_state": "approved",
            }
        )
        env["product.product"].create(
            [
                {
                    "name": f"Bench API product {i}",
                    "default_code": f"{MARKER}-{i:03d}",
                    "type": "consu",
                    "list_price": 10.0 + i,
                }
                for i in range(N_PRODUCTS)
            ]
        )
        contact = Partner.create({"name": "Bench ERP", "parent_id": dealer.id})
        env["res.users"].create(
            {
                "name": "Bench ERP",
                "login": f"{MARKER}-erp",
                "partner_id": contact.id,
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            env.ref("base.group_portal").id,
                            env.ref("b2b_api.b2b_api_group_integration").id,
                        ],
                    )
                ],
                "b2b_api_dealer_ids": [(6, 0, dealer.ids)],
                "b2b_api_rate_limit": 10**9,
            }
        )
        env["res.users"].create(
            {
                "name": "Bench salesman",
                "login": f"{MARKER}-salesman",
                "password": PASSWORD,
                "groups_id": [
                    (6, 0, [env.ref("sales_team.group_sale_salesman_all_leads").id])
                ],
            }
        )
    erp = env["res.users"].search([("login", "=", f"{MARKER}-erp")])
    key = env["res.users.apikeys"].with_user(erp).sudo()._generate("rpc", "bench", None)
    products = env["product.product"].search(
        [("default_code", "=like", f"{MARKER}-%")], order="default_code"
    )
    return {
        "dealer": dealer.id,
        "skus": products.mapped("default_code"),
        "product_ids": products.ids,
        "erp": (erp.login, key),
        "salesman": (f"{MARKER}-salesman", PASSWORD),
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db, workers):
    port = free_port()
    cmd = [
        sys.executable,
        benchlib.ODOO_BIN,
        "-d",
        db,
        f"--addons-path={benchlib.ADDONS}",
        f"--db-filter=^{db}$",
        f"--workers={workers}",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        f"--gevent-port={free_port()}",
        "--limit-time-real=600",
        "--limit-time-cpu=600",
        "--log-level=warn",
    ]
    cores = min(2, os.cpu_count() or 1)
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", ",".join(str(c) for c in range(cores)), *cmd]
    proc = subprocess.Popen(cmd, cwd="/", start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").version()
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    sys.exit("the benchmark server did not start")


def run_clients(url, db, login, password, orders, clients, place):
    """Place ``orders`` orders with ``clients`` threads; per-order latencies."""
    uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
        db, login, password, {}
    )
    assert uid, f"{login} cannot log in"
    todo = list(range(orders))
    lock = threading.Lock()
    latencies, failures = [], []

    def worker():
        proxy = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)

        def call(model, method, *args):
            return proxy.execute_kw(db, uid, password, model, method, list(args))

        while True:
            with lock:
                if not todo:
                    return
                index = todo.pop()
            started = time.perf_counter()
            try:
                place(call, index)
            except Exception as exc:  # reported below, never hidden
                failures.append(repr(exc)[:300])
                continue
            latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=worker) for _i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies, failures


def order_lines(data, index, lines):
    count = len(data["skus"])
    return [(index * 7 + n) % count for n in range(lines)]


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_api"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        data = generate(env)
        cr.commit()
    run_id = uuid.uuid4().hex[:8]

    def place_api(call, index):
        result = call(
            "b2b.api",
            "submit_order",
            {
                "idempotency_key": f"bench-{run_id}-{index}",
                "client_reference": f"bench-api-{run_id}-{index}",
                "lines": [
                    {"sku": data["skus"][p], "quantity": 1 + p % 3}
                    for p in order_lines(data, index, args.lines)
                ],
            },
        )
        if not result["ok"] or result["state"] != "sale":
            raise RuntimeError(result)

    def place_raw(call, index):
        order_id = call(
            "sale.order",
            "create",
            {
                "partner_id": data["dealer"],
                "client_order_ref": f"bench-raw-{run_id}-{index}",
            },
        )
        call(
            "sale.order.line",
            "create",
            [
                {
                    "order_id": order_id,
                    "product_id": data["product_ids"][p],
                    "product_uom_qty": 1 + p % 3,
                }
                for p in order_lines(data, index, args.lines)
            ],
        )
        call("sale.order", "action_confirm", [order_id])

    proc, url = start_server(args.db, args.workers)
    try:
        # warm-up: registry loaded in both workers, caches filled
        run_clients(url, args.db, *data["erp"], 10, args.workers, place_api)
        run_clients(url, args.db, *data["salesman"], 10, args.workers, place_raw)
        results = {}
        for name, login, place, calls in (
            ("api", data["erp"], place_api, 1),
            ("raw", data["salesman"], place_raw, 3),
        ):
            results[name] = (
                run_clients(url, args.db, *login, args.orders, args.clients, place),
                calls,
            )
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)

    print(
        f"\n{args.orders} orders of {args.lines} lines per mode, {args.clients} "
        f"concurrent XML-RPC clients, {args.workers} workers on "
        f"{min(2, os.cpu_count() or 1)} cores"
    )
    print(
        f"{'mode':<5} {'calls/order':>11} {'orders/s':>9} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'failed':>7}"
    )
    rates = {}
    for name, ((elapsed, latencies, failures), calls) in results.items():
        rates[name] = len(latencies) / elapsed
        ordered = sorted(latencies) or [0.0]
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(
            f"{name:<5} {calls:11d} {rates[name]:9.1f} "
            f"{statistics.median(ordered) * 1000:8.1f} {p95 * 1000:8.1f} "
            f"{len(failures):7d}"
        )
        for failure in failures[:3]:
            print(f"  {name} failure: {failure}")
    print(f"api / raw throughput: {rates['api'] / rates['raw']:.2f}x")
    if any(failures for (_e, _l, failures), _c in results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
