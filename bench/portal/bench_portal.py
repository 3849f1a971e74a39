#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Portal benchmark: a 1,000-row CSV quick order, and one SKU typed in quick order.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=portal
    python3 bench/portal/bench_portal.py --db b2b_bench_portal --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_portal`` in it;
- generates the dataset once: an approved dealer of a tier whose pricelist
  gives 10 % off, a quantity break on every product from 100 units, an order
  rule (multiples of 1 on every product, so that the rule engine runs), 1,000
  products with a SKU, and a purchaser (portal user) of the dealer;
- measures, as the purchaser, with warm ormcaches:

  * ``csv 1000 rows``: reading the CSV file, validating the rows (one
    pricing call, order rules) and creating the draft quotation through the
    ORM (pricing of 1,000 lines), flush included; the number of queries that
    look the SKUs up is counted (must be 1);
  * ``one SKU``: validating one typed SKU and quantity (what the JSON route
    ``/my/b2b/quick_order/lookup`` does), with an empty record cache;

  median of ``--runs``. Nothing measured is committed (rollback to a
  savepoint after each run).
"""

import logging
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-PORTAL-V1"
N_PRODUCTS = 1000
TARGET_CSV_S = 10.0
TARGET_SKU_MS = 150.0


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=5)
    return parser.parse_args()


def generate(env):
    """Dealer, tier, pricelist, products and purchaser (committed once)."""
    from odoo import Command

    Partner = env["res.partner"].with_context(tracking_disable=True)
    dealer = Partner.search([("ref", "=", MARKER)], limit=1)
    Users = env["res.users"].with_context(active_test=False)
    if dealer:
        return dealer, Users.search([("login", "=", f"{MARKER}-buyer")])
    start = time.perf_counter()
    pricelist = env["product.pricelist"].create(
        {
            "name": f"{MARKER} tier",
            "item_ids": [
                Command.create(
                    {
                        "applied_on": "3_global",
                        "compute_price": "percentage",
                        "percent_price": 10.0,
                    }
                ),
                Command.create(
                    {
                        "applied_on": "3_global",
                        "compute_price": "percentage",
                        "percent_price": 15.0,
                        "min_quantity": 100,
                    }
                ),
            ],
        }
    )
    tier = env["b2b.dealer.tier"].create(
        {"name": f"{MARKER} tier", "code": MARKER, "pricelist_id": pricelist.id}
    )
    dealer = Partner.with_context(b2b_import_state=True).create(
        {
            "name": "Bench Portal Dealer",
            "ref": MARKER,
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_dealer_code": MARKER,
            "b2b_tier_id": tier.id,
            "b2b_state": "approved",
        }
    )
    env["product.product"].create(
        [
            {
                "name": f"Bench portal product {i}",
                "default_code": f"{MARKER}-{i:04d}",
                "type": "consu",
                "list_price": 10.0 + i % 50,
                "taxes_id": [],
            }
            for i in range(N_PRODUCTS)
        ]
    )
    env["b2b.order.rule"].create(
        {"name": f"{MARKER} multiples", "applied_on": "all", "qty_multiple": 1}
    )
    contact = Partner.create(
        {"name": "Bench Portal Buyer", "parent_id": dealer.id, "email": "b@example.com"}
    )
    buyer = Users.with_context(no_reset_password=True).create(
        {
            "name": "Bench Portal Buyer",
            "login": f"{MARKER}-buyer",
            "partner_id": contact.id,
            "groups_id": [
                Command.set(
                    [
                        env.ref("base.group_portal").id,
                        env.ref("b2b_base.b2b_base_group_buyer_purchaser").id,
                    ]
                )
            ],
        }
    )
    env.cr.commit()
    print(f"dataset generated in {time.perf_counter() - start:.1f}s")
    return dealer, buyer


def csv_content():
    rows = ["sku,quantity"]
    rows += [f"{MARKER}-{i:04d},{1 + i % 9}" for i in range(N_PRODUCTS)]
    return ("\n".join(rows) + "\n").encode()


class QueryRecorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.queries = []

    def emit(self, record):
        self.queries.append(record.getMessage())


def csv_once(env, buyer, content, record=False):
    """Seconds, queries and SKU lookups of the 1,000-row CSV (rolled back)."""
    env.cr.execute("SAVEPOINT bench_portal")
    env.invalidate_all()
    QuickOrder = env["b2b.quick.order"].with_user(buyer)
    recorder, sql_logger = QueryRecorder(), logging.getLogger("odoo.sql_db")
    if record:
        sql_logger.addHandler(recorder)
        sql_logger.setLevel(logging.DEBUG)
        sql_logger.propagate = False
    count = env.cr.sql_log_count
    start = time.perf_counter()
    try:
        rows = QuickOrder._b2b_rows_from_file("order.csv", content)
        validation = QuickOrder._b2b_validate(rows)
        order = QuickOrder._b2b_create_order(validation["entries"])
        env.flush_all()
        elapsed = time.perf_counter() - start
    finally:
        sql_logger.removeHandler(recorder)
        sql_logger.setLevel(logging.WARNING)
        sql_logger.propagate = True
    queries = env.cr.sql_log_count - count
    assert validation["valid"] == N_PRODUCTS, validation["invalid"]
    assert len(order.order_line) == N_PRODUCTS
    sku_lookups = sum(
        1
        for query in recorder.queries
        if '"product_product"."default_code" IN' in query
    )
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_portal")
    env.invalidate_all()
    return elapsed, queries, sku_lookups


def sku_once(env, buyer, index):
    env.invalidate_all()
    QuickOrder = env["b2b.quick.order"].with_user(buyer)
    count = env.cr.sql_log_count
    start = time.perf_counter()
    validation = QuickOrder._b2b_validate(
        [{"line": 1, "sku": f"{MARKER}-{index:04d}", "qty": "12"}]
    )
    elapsed = (time.perf_counter() - start) * 1000.0
    assert validation["valid"] == 1, validation["entries"][0]["error"]
    return elapsed, env.cr.sql_log_count - count


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_portal"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    content = csv_content()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        __, buyer = generate(env)
        csv_once(env, buyer, content)  # warm up
        __, __, sku_lookups = csv_once(env, buyer, content, record=True)
        csv_runs = [csv_once(env, buyer, content) for __ in range(args.runs)]
        sku_once(env, buyer, 0)  # warm up
        sku_runs = [sku_once(env, buyer, 1 + run) for run in range(args.runs * 4)]
        cr.rollback()
    csv_s = statistics.median(run[0] for run in csv_runs)
    csv_q = int(statistics.median(run[1] for run in csv_runs))
    sku_ms = statistics.median(run[0] for run in sku_runs)
    sku_q = int(statistics.median(run[1] for run in sku_runs))
    print(f"\nquick order as a purchaser, median of {args.runs} runs")
    print(f"{'case':36} {'time':>10} {'target':>8} {'queries':>8}")
    print(
        f"{'csv 1000 rows -> draft order':36} {csv_s:9.2f}s "
        f"{TARGET_CSV_S:7.0f}s {csv_q:8d}"
    )
    print(f"{'one SKU lookup':36} {sku_ms:8.1f}ms {TARGET_SKU_MS:6.0f}ms {sku_q:8d}")
    print(f"SKU lookups of the 1000-row CSV: {sku_lookups} query")
    ok = csv_s <= TARGET_CSV_S and sku_ms <= TARGET_SKU_MS and sku_lookups == 1
    print("targets met" if ok else "TARGETS MISSED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
