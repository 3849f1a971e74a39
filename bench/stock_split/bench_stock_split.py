#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Regional sourcing benchmark: a 200-line order of a dealer split over the
3 warehouses of its region, confirmed, against plain Odoo confirming the
same order from one warehouse.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=stock_split
    python3 bench/stock_split/bench_stock_split.py --db b2b_bench_stock_split \
        --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_sale_stock`` in it;
- generates the dataset once (committed): 3 regional warehouses and a
  region whose list they are (R1, R2, R3), an approved dealer of the region,
  a customer that is not a dealer, a dealer of a region served by the main
  warehouse only, 200 storable products with stock laid
  out so that the dealer's order is served from all three warehouses and a
  quarter of its lines is split (product ``i``: ``i % 4 == 0`` R1 covers it,
  ``1`` only R2, ``2`` only R3, ``3`` no single warehouse: 5 + 5 + 2 over
  R1, R2, R3); the company's main warehouse holds enough of everything for
  the customer's order;
- measures, in the same run, interleaved so that the shared machine's load
  weighs on both alike, each confirmation in its own transaction (rolled
  back, nothing kept), cold record cache, warm ormcaches:

  * ``suite``: ``action_confirm`` of the dealer's 200-line quotation (the
    sourcing decision, one procurement per warehouse of each line, three
    deliveries, reservation), flush included;
  * ``plain``: ``action_confirm`` of the same 200 lines for the customer
    (plain Odoo: one warehouse, one delivery);
  * ``one``: the same for a dealer of a region whose list is the main
    warehouse only (the sourcing runs, nothing is split: the suite's own
    cost);

  median and min time, queries; the time and queries inside the suite's
  sourcing decision (``sale.order._b2b_source_lines``); and, with
  ``--profile``, the statements of one run of each case grouped by table
  (where the queries go).

Targets (issue 16): suite ≤ 3 s and ≤ 150 queries on 2 cores.
"""

import collections
import os
import re
import statistics
import sys
import time
from unittest.mock import patch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-SPLIT-V1"
N_LINES = 200
LINE_QTY = 12
TARGET_S = 3.0
TARGET_QUERIES = 150


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--profile", action="store_true", help="group the statements of one run"
    )
    return parser.parse_args()


def generate(env):
    """Warehouses, region, dealer, customer, products and stock (once)."""
    from odoo import Command

    Partner = env["res.partner"].with_context(tracking_disable=True)
    dealer = Partner.search([("ref", "=", MARKER)], limit=1)
    if dealer:
        return (
            dealer,
            Partner.search([("ref", "=", f"{MARKER}-C")], limit=1),
            Partner.search([("ref", "=", f"{MARKER}-M")], limit=1),
        )
    start = time.perf_counter()
    ref = env.ref
    # multi-warehouse first, as the demo does (else Odoo saves Settings)
    ref("base.group_user").implied_ids = [
        Command.link(ref("stock.group_stock_multi_locations").id),
        Command.link(ref("stock.group_stock_multi_warehouses").id),
    ]
    company = env.company
    main = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
    warehouses = env["stock.warehouse"].create(
        [{"name": f"Bench Region {i}", "code": f"BR{i}"} for i in (1, 2, 3)]
    )
    region = env["b2b.dealer.region"].create(
        {
            "name": f"Bench Region {MARKER}",
            "company_id": False,
            "b2b_warehouse_ids": [
                Command.create({"warehouse_id": wh.id, "sequence": i})
                for i, wh in enumerate(warehouses)
            ],
        }
    )
    dealer = Partner.with_context(b2b_import_state=True).create(
        {
            "name": "Bench Regional Dealer",
            "ref": MARKER,
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_state": "approved",
            "b2b_region_id": region.id,
        }
    )
    Partner.create({"name": "Bench Walk-in", "ref": f"{MARKER}-C"})
    main_region = env["b2b.dealer.region"].create(
        {
            "name": f"Bench Main Region {MARKER}",
            "company_id": False,
            "b2b_warehouse_ids": [Command.create({"warehouse_id": main.id})],
        }
    )
    Partner.with_context(b2b_import_state=True).create(
        {
            "name": "Bench Main Dealer",
            "ref": f"{MARKER}-M",
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_state": "approved",
            "b2b_region_id": main_region.id,
        }
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench split {i}",
                "default_code": f"{MARKER}-{i:03d}",
                "type": "consu",
                "is_storable": True,
                "list_price": 1.0,
                "taxes_id": [],
            }
            for i in range(N_LINES)
        ]
    )
    r1, r2, r3 = warehouses
    layout = {
        0: [(r1, 20)],
        1: [(r1, 3), (r2, 20)],
        2: [(r2, 4), (r3, 20)],
        3: [(r1, 5), (r2, 5), (r3, 5)],
    }
    Quant = env["stock.quant"]
    for index, product in enumerate(products):
        for warehouse, qty in [*layout[index % 4], (main, 100)]:
            Quant._update_available_quantity(product, warehouse.lot_stock_id, qty)
    env.flush_all()
    env.cr.commit()
    print(f"dataset generated in {time.perf_counter() - start:.1f}s")
    return generate(env)


def _quotation(env, partner):
    from odoo import Command

    products = env["product.product"].search(
        [("default_code", "=like", f"{MARKER}-%")], order="default_code"
    )
    assert len(products) == N_LINES
    return (
        env["sale.order"]
        .with_context(tracking_disable=True)
        .create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": LINE_QTY})
                    for p in products
                ],
            }
        )
    )


class _Recorder:
    """The statements a cursor executes, grouped by their first words."""

    def __init__(self):
        self.groups = collections.Counter()

    def add(self, query):
        text = query if isinstance(query, str) else str(getattr(query, "code", query))
        text = re.sub(r"\s+", " ", text).strip()
        head = re.match(r'(\w+)\W+("?[\w.]+"?)?(?:.*?\bFROM\s+"?(\w+)"?)?', text)
        key = " ".join(filter(None, head.groups())) if head else text[:40]
        self.groups[key] += 1


#: the measured cases: (key, label, partner key)
CASES = [
    ("plain", "plain Odoo, customer, one warehouse", "customer"),
    ("one", "suite, dealer, region list = that warehouse", "main_dealer"),
    ("split", "suite, dealer, region of 3 warehouses", "dealer"),
]


def _confirm_once(registry, partner_id, case, profile=False):
    from odoo import SUPERUSER_ID, api

    from odoo.addons.b2b_sale_stock.models.sale_order import SaleOrder

    source = SaleOrder._b2b_source_lines
    inside = {"ms": 0.0, "queries": 0}

    def timed_source(self, *args, **kwargs):
        count = self.env.cr.sql_log_count
        start = time.perf_counter()
        try:
            return source(self, *args, **kwargs)
        finally:
            inside["ms"] += (time.perf_counter() - start) * 1000.0
            inside["queries"] += self.env.cr.sql_log_count - count

    recorder = _Recorder() if profile else None
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        order = _quotation(env, env["res.partner"].browse(partner_id))
        env.flush_all()
        env.invalidate_all()
        order.mapped("name")
        from odoo.sql_db import Cursor

        execute = Cursor.execute

        def recording(self, query, params=None, *args, **kwargs):
            recorder.add(query)
            return execute(self, query, params, *args, **kwargs)

        with patch.object(SaleOrder, "_b2b_source_lines", timed_source):
            count = cr.sql_log_count
            start = time.perf_counter()
            if profile:
                with patch.object(Cursor, "execute", recording):
                    order.action_confirm()
                    env.flush_all()
            else:
                order.action_confirm()
                env.flush_all()
            elapsed = (time.perf_counter() - start) * 1000.0
            queries = cr.sql_log_count - count
        assert order.state == "sale"
        pickings = order.picking_ids
        warehouses = pickings.picking_type_id.warehouse_id.mapped("code")
        split = sum(
            1
            for line in order.order_line
            if len(line.move_ids.location_id.warehouse_id) > 1
        )
        if case == "split":
            assert len(pickings) == 3 and split == N_LINES // 4, (warehouses, split)
        else:
            assert len(pickings) == 1 and not split, (warehouses, split)
        cr.rollback()
    return (
        elapsed,
        queries,
        inside,
        (len(pickings), sorted(warehouses), split),
        recorder,
    )


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_sale_stock"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        dealer, customer, main_dealer = generate(env)
        ids = {"dealer": dealer.id, "customer": customer.id}
        ids["main_dealer"] = main_dealer.id
    results = {key: [] for key, *__ in CASES}
    shape = {}
    for run in range(args.runs + 1):  # the first round warms the caches up
        order = CASES if run % 2 else CASES[::-1]
        for key, __, partner in order:
            elapsed, queries, inside, picked, __ = _confirm_once(
                registry, ids[partner], key
            )
            shape[key] = picked
            if run:
                results[key].append((elapsed, queries, inside))
    print(
        f"\n{N_LINES}-line order confirmed, {args.runs} runs each, interleaved "
        f"(median; min in brackets)"
    )
    print(
        f"{'case':46} {'ms':>18} {'queries':>8} {'deliveries':>15} "
        f"{'split':>6} {'sourcing ms/q':>14}"
    )
    summary = {}
    for key, label, __ in CASES:
        rows = results[key]
        times = [r[0] for r in rows]
        queries = int(statistics.median(r[1] for r in rows))
        source_ms = statistics.median(r[2]["ms"] for r in rows)
        source_q = int(statistics.median(r[2]["queries"] for r in rows))
        summary[key] = (statistics.median(times), min(times), queries)
        count, codes, split = shape[key]
        print(
            f"{label:46} {summary[key][0]:9.1f} [{summary[key][1]:6.1f}] "
            f"{queries:8d} {count:3d} {'+'.join(codes):>11} {split:6d} "
            f"{source_ms:8.1f}/{source_q:<5d}"
        )
    p_med, __, p_q = summary["plain"]
    for key in ("one", "split"):
        s_med, __, s_q = summary[key]
        print(
            f"{key:>5} vs plain: {100.0 * (s_med - p_med) / p_med:+.1f} % time, "
            f"{s_q - p_q:+d} queries"
        )
    if args.profile:
        for key, __, partner in CASES:
            *__, recorder = _confirm_once(registry, ids[partner], key, profile=True)
            print(f"\nstatements of one '{key}' run, by table:")
            for group, count in recorder.groups.most_common(12):
                print(f"{count:6d}  {group[:100]}")
    s_med, __, s_q = summary["split"]
    ok = s_med / 1000.0 <= TARGET_S and s_q <= TARGET_QUERIES
    print(
        f"\ntargets (split ≤ {TARGET_S:.0f} s, ≤ {TARGET_QUERIES} queries): "
        + ("met" if ok else "MISSED")
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
