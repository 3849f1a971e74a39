#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stock ageing benchmark: the slow and dead stock analysis over 100,000
quants, and the low-stock job.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=stock_ageing
    python3 bench/stock_ageing/bench_stock_ageing.py --db b2b_bench_stock_ageing \\
        --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_stock_analysis`` in it;
- generates the dataset once, in SQL (``INSERT ... SELECT ...
  generate_series``) from one product, quant, valuation layer and delivery
  made through the ORM: 5 warehouses in 3 regions, 20,000 storable
  products in 10 categories, 100,000 quants (every product in every
  warehouse, received 0 to 500 days ago), 20,000 valuation layers and
  200,000 done deliveries to customers over 400 days; reused by later runs;
- measures, as a stock manager (record rules applied), each run in its own
  transaction: the pivot's first screen (warehouse x age bucket, quantity
  and value), region x category with cover and days since the last sale,
  the whole table grouped by product (20,000 groups), the list's first page
  and every row read (100,000 rows, what an export reads), and the
  low-stock job raising then closing 1,000 alerts.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-AGEING-V1"
N_WAREHOUSES = 5
N_PRODUCTS = 20000
N_CATEGORIES = 10
N_MOVES = 200000
N_THRESHOLDS = 1000


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of each measure")
    return parser.parse_args()


def _template_records(env):
    from odoo import Command

    warehouses = env["stock.warehouse"].create(
        [{"name": f"Bench ageing {i}", "code": f"BA{i}"} for i in range(N_WAREHOUSES)]
    )
    for index in range(3):
        env["b2b.dealer.region"].create(
            {
                "name": f"{MARKER} region {index}",
                "b2b_warehouse_ids": [
                    Command.create(
                        {
                            "warehouse_id": warehouses[(index + k) % N_WAREHOUSES].id,
                            "sequence": k,
                        }
                    )
                    for k in range(2)
                ],
            }
        )
    categories = env["product.category"].create(
        [{"name": f"{MARKER} category {i}"} for i in range(N_CATEGORIES)]
    )
    product = env["product.product"].create(
        {
            "name": "Bench ageing product",
            "default_code": MARKER,
            "type": "consu",
            "is_storable": True,
            "standard_price": 10.0,
            "categ_id": categories[0].id,
        }
    )
    quant = (
        env["stock.quant"]
        .with_context(inventory_mode=True)
        .create(
            {
                "product_id": product.id,
                "location_id": warehouses[0].lot_stock_id.id,
                "inventory_quantity": 500,
            }
        )
    )
    quant.action_apply_inventory()
    layer = env["stock.valuation.layer"].search([("product_id", "=", product.id)])
    move = env["stock.move"].create(
        {
            "name": "bench delivery",
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": 1,
            "location_id": warehouses[0].lot_stock_id.id,
            "location_dest_id": env.ref("stock.stock_location_customers").id,
        }
    )
    move._action_confirm()
    move._action_assign()
    move.quantity = 1
    move.picked = True
    move._action_done()
    env.flush_all()
    quant = env["stock.quant"].search(
        [
            ("product_id", "=", product.id),
            ("location_id", "=", warehouses[0].lot_stock_id.id),
        ]
    )
    return warehouses, categories, product, quant, layer, move


def generate(env):
    """The dataset (once)."""
    from psycopg2 import sql

    cr = env.cr
    if env["product.product"].search_count([("default_code", "=", MARKER)]):
        return
    start = time.perf_counter()
    warehouses, categories, product, quant, layer, move = _template_records(env)
    templates = benchlib.insert_copies(
        cr,
        "product_template",
        product.product_tmpl_id.id,
        N_PRODUCTS - 1,
        {
            "name": "jsonb_build_object('en_US', 'Bench ageing product ' || g)",
            "categ_id": "(%(categs)s::int[])[1 + g %% " + str(N_CATEGORIES) + "]",
        },
        {"categs": categories.ids},
    )
    columns = benchlib.columns(
        cr, "product_product", {"id", "product_tmpl_id", "default_code"}
    )
    cr.execute(
        sql.SQL(
            "INSERT INTO product_product ({cols}, product_tmpl_id, default_code) "
            "SELECT {pcols}, t.id, 'BA-' || t.n FROM product_product p "
            "CROSS JOIN unnest(%s::int[]) WITH ORDINALITY AS t(id, n) "
            "WHERE p.id = %s ORDER BY t.n RETURNING id"
        ).format(
            cols=sql.SQL(", ").join(sql.Identifier(c) for c in columns),
            pcols=sql.SQL(", ").join(
                sql.SQL("p.") + sql.Identifier(c) for c in columns
            ),
        ),
        [templates, product.id],
    )
    products = [product.id] + [row[0] for row in cr.fetchall()]
    print(f"  {len(products)} products ({time.perf_counter() - start:.1f}s)")
    locations = [wh.lot_stock_id.id for wh in warehouses]
    n_quants = N_PRODUCTS * N_WAREHOUSES - 1  # the template quant is the first
    benchlib.insert_copies(
        cr,
        "stock_quant",
        quant.id,
        n_quants,
        {
            "product_id": "(%(products)s::int[])[1 + g / %(nw)s]",
            "location_id": "(%(locations)s::int[])[1 + g %% %(nw)s]",
            "quantity": "1 + g %% 100",
            "in_date": "now() AT TIME ZONE 'UTC' "
            "- make_interval(days => (g * 7919) %% 500)",
        },
        {"products": products, "locations": locations, "nw": N_WAREHOUSES},
    )
    print(f"  {n_quants + 1} quants ({time.perf_counter() - start:.1f}s)")
    benchlib.insert_copies(
        cr,
        "stock_valuation_layer",
        layer.id,
        N_PRODUCTS - 1,
        {
            "product_id": "(%(products)s::int[])[1 + g]",
            "quantity": "500",
            "unit_cost": "1 + g %% 50",
            "value": "500 * (1 + g %% 50)",
            "remaining_qty": "500",
            "remaining_value": "500 * (1 + g %% 50)",
        },
        {"products": products},
    )
    benchlib.insert_copies(
        cr,
        "stock_move",
        move.id,
        N_MOVES,
        {
            "product_id": "(%(products)s::int[])[1 + (g * 31) %% %(np)s]",
            "location_id": "(%(locations)s::int[])[1 + g %% %(nw)s]",
            "product_qty": "1 + g %% 5",
            "product_uom_qty": "1 + g %% 5",
            "quantity": "1 + g %% 5",
            "date": "now() AT TIME ZONE 'UTC' - make_interval(days => g %% 400)",
        },
        {
            "products": products,
            "locations": locations,
            "nw": N_WAREHOUSES,
            "np": N_PRODUCTS,
        },
    )
    print(f"  {N_MOVES} deliveries ({time.perf_counter() - start:.1f}s)")
    for table in (
        "product_template",
        "product_product",
        "stock_quant",
        "stock_valuation_layer",
        "stock_move",
    ):
        cr.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(table)))
    env.invalidate_all()
    cr.commit()
    print(f"dataset generated in {time.perf_counter() - start:.1f}s")


def _manager(env):
    user = env["res.users"].search([("login", "=", "bench_ageing_manager")])
    if not user:
        user = env["res.users"].create(
            {
                "name": "Bench ageing manager",
                "login": "bench_ageing_manager",
                "groups_id": [(6, 0, [env.ref("stock.group_stock_manager").id])],
            }
        )
    return user


def _measure(registry, label, runs, func):
    from odoo import SUPERUSER_ID, api

    timings = []
    shown = ""
    for _index in range(runs):
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            user = _manager(env)
            env = env(user=user.id)
            env.invalidate_all()
            queries = cr.sql_log_count
            start = time.perf_counter()
            shown = func(env)
            env.flush_all()
            timings.append((time.perf_counter() - start, cr.sql_log_count - queries))
            cr.rollback()
    best = min(t for t, _q in timings)
    median = sorted(t for t, _q in timings)[len(timings) // 2]
    print(
        f"{label}: median {median:.2f}s, min {best:.2f}s, "
        f"{timings[0][1]} queries; {shown}"
    )


def _pivot(env):
    groups = env["b2b.stock.ageing.report"].read_group(
        [], ["quantity:sum", "value:sum"], ["warehouse_id", "age_bucket"], lazy=False
    )
    return f"{len(groups)} cells"


def _regions(env):
    groups = env["b2b.stock.ageing.report"].read_group(
        [],
        ["quantity:sum", "cover_days:avg", "days_since_sale:min", "sold_90d:sum"],
        ["region_id", "categ_id"],
        lazy=False,
    )
    return f"{len(groups)} cells"


def _by_product(env):
    groups = env["b2b.stock.ageing.report"].read_group(
        [("age_days", ">", 365)],
        ["quantity:sum", "value:sum", "cover_days:avg"],
        ["product_id"],
        lazy=False,
    )
    return f"{len(groups)} products with dead stock"


LIST_FIELDS = [
    "region_id",
    "warehouse_id",
    "product_id",
    "categ_id",
    "age_bucket",
    "age_days",
    "quantity",
    "value",
    "last_sale_date",
    "days_since_sale",
    "cover_days",
]


def _first_page(env):
    rows = env["b2b.stock.ageing.report"].web_search_read(
        [], {name: {} for name in LIST_FIELDS}, limit=80
    )
    return f"{len(rows['records'])} of {rows['length']} rows"


def _all_rows(env):
    rows = env["b2b.stock.ageing.report"].search_fetch([], LIST_FIELDS)
    return f"{len(rows)} rows"


def _alert_job(env):
    from odoo.fields import Date

    Alert = env["b2b.stock.alert"].sudo()
    warehouse = env["stock.warehouse"].search([("code", "=", "BA0")])
    warehouse.sudo().b2b_stock_responsible_id = env.user
    products = env["product.product"].search(
        [("default_code", "=like", "BA-%")], limit=N_THRESHOLDS
    )
    env["b2b.stock.threshold"].sudo().create(
        [
            {"warehouse_id": warehouse.id, "product_id": p.id, "min_qty": 1000}
            for p in products
        ]
    )
    today = Date.context_today(Alert)
    start = time.perf_counter()
    raised, _closed = Alert._b2b_check_low_stock(today=today)
    raise_time = time.perf_counter() - start
    env["b2b.stock.threshold"].sudo().search([]).min_qty = 0
    start = time.perf_counter()
    _raised, closed = Alert._b2b_check_low_stock(today=today)
    close_time = time.perf_counter() - start
    return (
        f"{len(raised)} raised in {raise_time:.2f}s, {len(closed)} closed in "
        f"{close_time:.2f}s (set-up included in the total)"
    )


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_stock_analysis"])
    registry = benchlib.registry(args.db)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        generate(env)
        _manager(env)
        cr.commit()
    with registry.cursor() as cr:
        cr.execute(
            "SELECT (SELECT count(*) FROM stock_quant), "
            "(SELECT count(*) FROM stock_move WHERE state = 'done'), "
            "(SELECT count(*) FROM stock_valuation_layer)"
        )
        quants, moves, layers = cr.fetchone()
        print(
            f"dataset: {quants} quants, {moves} done moves, {layers} valuation layers"
        )
    for label, func in (
        ("pivot warehouse x age (quantity, value)", _pivot),
        ("region x category (cover, last sale)", _regions),
        ("dead stock by product", _by_product),
        ("list first page (80 rows + count)", _first_page),
        ("every row read (export)", _all_rows),
        (f"low-stock job, {N_THRESHOLDS} pairs", _alert_job),
    ):
        _measure(registry, label, args.runs, func)


if __name__ == "__main__":
    main()
