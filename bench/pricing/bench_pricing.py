#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Pricing benchmark: the suite's batch pricing against Odoo's per-line pricing.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=pricing
    python3 bench/pricing/bench_pricing.py --db b2b_bench_pricing --template TEMPLATE

- creates the database from the test template (``make bench`` passes
  it) when it does not exist and installs ``b2b_pricing_sale`` in it;
- generates the dataset once (20,000 product variants, 50 categories, 5 tiers
  with one pricelist each, 50,000 pricelist rules, an approved dealer and a
  500-line quotation), with batch ORM creates; it is reused by later runs;
- prices the 500-line quotation, in the same run and on the same data:

  * ``engine``: the rules and prices of the 500 lines, with the suite's
    ``product.pricelist._b2b_compute_cart`` (one rule query) and with Odoo's
    per-line ``_get_product_price_rule`` loop;
  * ``order``: the "Update prices" of the quotation (``_recompute_prices`` and
    the flush of the lines), with the suite and with the suite's layer
    patched out (plain Odoo's per-line computes);

  each with an empty record cache (``invalidate_all``) and warm ormcaches,
  ``--runs`` times, printing the median time, the queries and the ratio.
  Nothing of the measured runs is committed.
"""

import os
import statistics
import sys
import time
from contextlib import contextmanager
from unittest.mock import patch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-PRICING-V1"

N_MULTI_TEMPLATES = 2000  # x 5 variants = 10,000 variants
N_VARIANTS_PER_TEMPLATE = 5
N_SINGLE = 10000  # single-variant templates
N_TIERS = 5
N_CATEG_PARENTS = 5
N_CATEG_CHILDREN = 10
ORDER_LINES = 500


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lines", type=int, default=ORDER_LINES)
    return parser.parse_args()


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def generate(env):
    """Build the dataset (committed), unless it is there already."""
    Product = env["product.product"]
    if Product.search_count([("default_code", "=", MARKER)]):
        print("dataset present")
        return
    t0 = time.time()
    ctx = dict(
        env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True
    )
    env = env(context=ctx)
    cr = env.cr
    Categ = env["product.category"]
    parents = Categ.create([{"name": f"Bench Cat {i}"} for i in range(N_CATEG_PARENTS)])
    children = Categ.create(
        [
            {"name": f"Bench Cat {i}.{j}", "parent_id": parent.id}
            for i, parent in enumerate(parents)
            for j in range(N_CATEG_CHILDREN)
        ]
    )
    attribute = env["product.attribute"].create(
        {
            "name": "Bench Size",
            "value_ids": [
                (0, 0, {"name": f"S{i}"}) for i in range(N_VARIANTS_PER_TEMPLATE)
            ],
        }
    )
    multi_vals = [
        {
            "name": f"Bench Multi {i:05d}",
            "list_price": 50.0 + i % 100,
            "categ_id": children[i % len(children)].id,
            "taxes_id": [(5, 0, 0)],
            "attribute_line_ids": [
                (
                    0,
                    0,
                    {
                        "attribute_id": attribute.id,
                        "value_ids": [(6, 0, attribute.value_ids.ids)],
                    },
                )
            ],
        }
        for i in range(N_MULTI_TEMPLATES)
    ]
    multi = env["product.template"]
    for batch in chunks(multi_vals, 250):
        multi |= env["product.template"].create(batch)
        cr.commit()
    print(f"  {len(multi)} multi-variant templates in {time.time() - t0:.0f}s")
    single_vals = [
        {
            "name": f"Bench Single {i:05d}",
            "default_code": MARKER if i == 0 else f"BENCH-{i:05d}",
            "list_price": 20.0 + i % 300,
            "categ_id": children[i % len(children)].id,
            "taxes_id": [(5, 0, 0)],
        }
        for i in range(N_SINGLE)
    ]
    single = env["product.template"]
    for batch in chunks(single_vals, 1000):
        single |= env["product.template"].create(batch)
        cr.commit()
    variants = Product.search_count([("product_tmpl_id", "in", (multi | single).ids)])
    print(f"  {variants} variants in {time.time() - t0:.0f}s")

    Pricelist = env["product.pricelist"]
    Item = env["product.pricelist.item"].with_context(ctx)
    tiers = env["b2b.dealer.tier"]
    single_products = single.product_variant_id
    for t in range(N_TIERS):
        pricelist = Pricelist.create({"name": f"Bench Tier {t + 1}"})
        tiers |= env["b2b.dealer.tier"].create(
            {
                "name": f"Bench Tier {t + 1}",
                "code": f"BENCH-T{t + 1}",
                "sequence": 100 + t,
                "pricelist_id": pricelist.id,
            }
        )
        factor = 1.0 - 0.03 * (t + 1)
        rules = []
        for i, tmpl in enumerate(multi):
            rules.append(
                {
                    "pricelist_id": pricelist.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": tmpl.id,
                    "compute_price": "fixed",
                    "fixed_price": round((50.0 + i % 100) * factor, 2),
                }
            )
            rules.append(
                {
                    "pricelist_id": pricelist.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": tmpl.id,
                    "compute_price": "percentage",
                    "percent_price": 10.0 + t,
                    "min_quantity": 50,
                    "b2b_qty_scope": "template",
                }
            )
        for i, product in enumerate(single_products[:5000]):
            rules.append(
                {
                    "pricelist_id": pricelist.id,
                    "applied_on": "0_product_variant",
                    "product_id": product.id,
                    "product_tmpl_id": product.product_tmpl_id.id,
                    "compute_price": "fixed",
                    "fixed_price": round((20.0 + i % 300) * factor, 2),
                }
            )
        for product in single_products[5000:5950]:
            rules.append(
                {
                    "pricelist_id": pricelist.id,
                    "applied_on": "0_product_variant",
                    "product_id": product.id,
                    "product_tmpl_id": product.product_tmpl_id.id,
                    "compute_price": "percentage",
                    "percent_price": 5.0,
                    "min_quantity": 20,
                }
            )
        for categ in children:
            rules.append(
                {
                    "pricelist_id": pricelist.id,
                    "applied_on": "2_product_category",
                    "categ_id": categ.id,
                    "compute_price": "percentage",
                    "percent_price": 3.0,
                    "min_quantity": 200,
                    "b2b_qty_scope": "category",
                }
            )
        for batch in chunks(rules, 2000):
            Item.create(batch)
        cr.commit()
        print(f"  tier {t + 1}: {len(rules)} rules in {time.time() - t0:.0f}s")

    dealer = env["res.partner"].create(
        {
            "name": "Bench Dealer",
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_dealer_code": "BENCH-DEALER",
            "b2b_tier_id": tiers[2].id,
        }
    )
    for state in ("applied", "review", "approved"):
        dealer._b2b_set_state(state)
    cr.commit()
    print(f"dataset built in {time.time() - t0:.0f}s")


def bench_order(env, lines):
    """The benchmark quotation (created once per number of lines)."""
    name = f"BENCH-ORDER-{lines}"
    order = env["sale.order"].search([("client_order_ref", "=", name)], limit=1)
    if order:
        return order
    dealer = env["res.partner"].search([("b2b_dealer_code", "=", "BENCH-DEALER")])
    multi = env["product.template"].search(
        [("name", "=like", "Bench Multi %")], limit=lines // 5, order="id"
    )
    products = env["product.product"]
    for tmpl in multi:
        products |= tmpl.product_variant_ids[:3]
    single = env["product.product"].search(
        [("default_code", "=like", "BENCH-%")], limit=lines, order="id"
    )
    products = (products | single)[:lines]
    order = env["sale.order"].create(
        {
            "partner_id": dealer.id,
            "client_order_ref": name,
            "order_line": [
                (0, 0, {"product_id": product.id, "product_uom_qty": 5 + i % 30})
                for i, product in enumerate(products)
            ],
        }
    )
    env.cr.commit()
    return order


@contextmanager
def plain_odoo(env):
    """Patch out the suite's sale.order.line compute layer (plain Odoo)."""
    from odoo.addons.b2b_pricing_sale.models.sale_order_line import SaleOrderLine

    cls = type(env["sale.order.line"])

    def plain(name):
        def method(self):
            return getattr(super(SaleOrderLine, self), name)()

        return method

    with (
        patch.object(
            cls, "_compute_pricelist_item_id", plain("_compute_pricelist_item_id")
        ),
        patch.object(cls, "_compute_price_unit", plain("_compute_price_unit")),
        patch.object(cls, "_compute_discount", plain("_compute_discount")),
    ):
        yield


def measure(env, func, runs):
    times, queries = [], []
    for __ in range(runs + 1):  # the first run warms the ormcaches
        env.flush_all()
        env.invalidate_all()
        count = env.cr.sql_log_count
        start = time.perf_counter()
        func()
        env.flush_all()
        times.append((time.perf_counter() - start) * 1000.0)
        queries.append(env.cr.sql_log_count - count)
    return statistics.median(times[1:]), int(statistics.median(queries[1:]))


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_pricing", "b2b_pricing_sale"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        generate(env)
        order = bench_order(env, args.lines)
        lines = order.order_line
        pricelist = order.pricelist_id
        date = order.date_order
        print(
            f"order {order.name}: {len(lines)} lines, pricelist {pricelist.name}, "
            f"{env['product.pricelist.item'].search_count([])} rules, "
            f"{env['product.product'].search_count([])} variants"
        )

        def cart():
            return [
                {
                    "key": line.id,
                    "product": line.product_id,
                    "quantity": line.product_uom_qty,
                    "uom": line.product_uom,
                }
                for line in order.order_line
            ]

        def suite_engine():
            pricelist._b2b_compute_cart(cart(), date=date, next_break=False)

        def plain_engine():
            for line in order.order_line:
                pricelist._get_product_price_rule(
                    line.product_id,
                    line.product_uom_qty,
                    uom=line.product_uom,
                    date=date,
                )

        def reprice():
            order._recompute_prices()

        results = {}
        results["engine: suite (batch)"] = measure(env, suite_engine, args.runs)
        results["engine: plain Odoo (per line)"] = measure(env, plain_engine, args.runs)
        results["order: suite"] = measure(env, reprice, args.runs)
        with plain_odoo(env):
            results["order: plain Odoo"] = measure(env, reprice, args.runs)
        cr.rollback()

    print(f"\n{len(lines)} lines, median of {args.runs} runs (cold record cache)")
    print(f"{'':32} {'ms':>10} {'queries':>8}")
    for name, (ms, queries) in results.items():
        print(f"{name:32} {ms:10.1f} {queries:8d}")
    for level in ("engine", "order"):
        suite = results[f"{level}: suite" + (" (batch)" if level == "engine" else "")]
        plain = results[
            f"{level}: plain Odoo" + (" (per line)" if level == "engine" else "")
        ]
        print(
            f"{level}: plain Odoo / suite = {plain[0] / suite[0]:.1f}x time, "
            f"{plain[1]} / {suite[1]} queries"
        )


if __name__ == "__main__":
    main()
