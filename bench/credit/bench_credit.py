#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Credit benchmark: the credit decision of a "whale" dealer and the overhead
of the credit check on order confirmation, against plain Odoo.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=credit
    python3 bench/credit/bench_credit.py --db b2b_bench_credit --template TEMPLATE

- creates the database from the test template (``make bench`` passes
  it) when it does not exist and installs ``b2b_credit_sale`` in it;
- generates the dataset once, in SQL from one posted invoice and one
  confirmed order (a few seconds): a whale dealer with 10,000 open invoices
  and 2,000 confirmed orders not invoiced; it is reused by later runs;
- measures, in the same run and on the same data:

  * ``decision``: exposure + decision + guard of the whale dealer
    (``_b2b_credit_exposure``, ``_b2b_credit_evaluate``, ``_b2b_credit_guard``),
    cold record cache, warm ormcaches: median, p95 and queries;
  * ``confirm N lines``: ``action_confirm`` of a quotation of 20 and of 500
    lines of the whale dealer, with the policies on "block" (suite) and with
    the credit layer patched out (plain Odoo): median and min time, queries,
    and the time spent inside the credit layer of the suite runs.

Each confirmation runs in its own transaction, rolled back.
"""

import os
import statistics
import sys
import time
from unittest.mock import patch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-CREDIT-V1"
N_INVOICES = 10000
N_ORDERS = 2000


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=50, help="decision runs")
    parser.add_argument("--confirm-runs", type=int, default=7)
    return parser.parse_args()


def _clone(cr, table, source_id, copies, name_column=None):
    """Copy row ``source_id`` of ``table`` ``copies`` times; return new ids."""
    from psycopg2 import sql

    columns = benchlib.columns(cr, table, {"id", name_column})
    select = [sql.Identifier(c) for c in columns]
    insert = list(select)
    if name_column:
        insert.append(sql.Identifier(name_column))
        select.append(sql.SQL("{} || '/B' || g").format(sql.Identifier(name_column)))
    cr.execute(
        sql.SQL(
            "INSERT INTO {t} ({ins}) SELECT {sel} FROM {t}, generate_series(1, %s) g "
            "WHERE id = %s RETURNING id"
        ).format(
            t=sql.Identifier(table),
            ins=sql.SQL(", ").join(insert),
            sel=sql.SQL(", ").join(select),
        ),
        [copies, source_id],
    )
    return [row[0] for row in cr.fetchall()]


def _clone_children(cr, table, parent_column, source_parent, new_parents):
    from psycopg2 import sql

    columns = benchlib.columns(cr, table, {"id", parent_column})
    cr.execute(
        sql.SQL(
            "INSERT INTO {t} ({cols}, {p}) SELECT {cols}, new_parent "
            "FROM {t}, unnest(%s::int[]) new_parent WHERE {p} = %s"
        ).format(
            t=sql.Identifier(table),
            cols=sql.SQL(", ").join(sql.Identifier(c) for c in columns),
            p=sql.Identifier(parent_column),
        ),
        [new_parents, source_parent],
    )


def generate(env):
    from odoo import Command

    Partner = env["res.partner"].with_context(tracking_disable=True)
    whale = Partner.search([("ref", "=", MARKER)], limit=1)
    if whale:
        return whale
    start = time.perf_counter()
    tier = env["b2b.dealer.tier"].create(
        {"name": "Whale tier", "code": MARKER, "b2b_credit_limit": 1e12}
    )
    whale = Partner.with_context(b2b_import_state=True).create(
        {
            "name": "Whale Dealer",
            "ref": MARKER,
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_state": "approved",
            "b2b_tier_id": tier.id,
        }
    )
    product = env["product.product"].create(
        {"name": "Whale product", "type": "consu", "list_price": 10.0, "taxes_id": []}
    )
    invoice = (
        env["account.move"]
        .with_context(tracking_disable=True)
        .create(
            {
                "move_type": "out_invoice",
                "partner_id": whale.id,
                "invoice_date": "2026-01-05",
                "invoice_date_due": "2099-12-31",
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 10.0, "tax_ids": []}
                    )
                ],
            }
        )
    )
    invoice.action_post()
    order = (
        env["sale.order"]
        .with_context(tracking_disable=True)
        .create(
            {
                "partner_id": whale.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 10.0, "tax_id": []}
                    )
                ],
            }
        )
    )
    order.action_confirm()
    env.flush_all()
    cr = env.cr
    moves = _clone(cr, "account_move", invoice.id, N_INVOICES - 1, "name")
    _clone_children(cr, "account_move_line", "move_id", invoice.id, moves)
    orders = _clone(cr, "sale_order", order.id, N_ORDERS - 1, "name")
    _clone_children(cr, "sale_order_line", "order_id", order.id, orders)
    cr.execute("ANALYZE account_move_line")
    cr.execute("ANALYZE account_move")
    cr.execute("ANALYZE sale_order")
    cr.execute("ANALYZE sale_order_line")
    env.invalidate_all()
    cr.commit()
    print(f"dataset generated in {time.perf_counter() - start:.1f}s")
    return whale


def quotation(env, dealer, lines):
    from odoo import Command

    products = env["product.product"].search(
        [("default_code", "=like", f"{MARKER}-%")], limit=lines
    )
    if len(products) < lines:
        products |= env["product.product"].create(
            [
                {
                    "name": f"Bench product {i}",
                    "default_code": f"{MARKER}-{i}",
                    "type": "consu",
                    "list_price": 1.0,
                    "taxes_id": [],
                }
                for i in range(len(products), lines)
            ]
        )
    return (
        env["sale.order"]
        .with_context(tracking_disable=True)
        .create(
            {
                "partner_id": dealer.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 1})
                    for p in products[:lines]
                ],
            }
        )
    )


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure_decision(env, dealer, runs):
    company = env.company
    times, queries = [], []
    for _i in range(runs + 1):  # the first run warms the ormcaches
        env.invalidate_all()
        env.user.mapped("tz")
        company.currency_id.mapped("rounding")
        count = env.cr.sql_log_count
        start = time.perf_counter()
        exposure = dealer._b2b_credit_exposure(company)
        decision = dealer._b2b_credit_evaluate("order", company, 10.0, exposure)
        dealer._b2b_credit_guard(company)
        times.append((time.perf_counter() - start) * 1000.0)
        queries.append(env.cr.sql_log_count - count)
    return times[1:], queries[1:], exposure, decision


def _confirm_once(registry, dealer_id, lines, plain):
    """Time and queries of confirming a fresh quotation, and the time spent
    inside the credit layer (``_b2b_credit_enforce``).

    Each run is its own transaction, rolled back: nothing is kept, and the
    runs do not slow each other down with the row versions of a long
    transaction."""
    from odoo import SUPERUSER_ID, api

    from odoo.addons.b2b_credit.models.b2b_credit_document_mixin import (
        B2bCreditDocumentMixin,
    )

    enforce = B2bCreditDocumentMixin._b2b_credit_enforce
    inside = [0.0]

    def timed_enforce(self, stage):
        start = time.perf_counter()
        try:
            return enforce(self, stage)
        finally:
            inside[0] += time.perf_counter() - start

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        order = quotation(env, env["res.partner"].browse(dealer_id), lines)
        env.flush_all()
        env.invalidate_all()
        order.mapped("name")
        layer = (lambda self, stage: []) if plain else timed_enforce
        with patch.object(B2bCreditDocumentMixin, "_b2b_credit_enforce", layer):
            count = cr.sql_log_count
            start = time.perf_counter()
            order.action_confirm()
            env.flush_all()
            elapsed = (time.perf_counter() - start) * 1000.0
            queries = cr.sql_log_count - count
        assert order.state == "sale"
        cr.rollback()
    return elapsed, queries, inside[0] * 1000.0


def measure_confirm(registry, dealer_id, lines, runs):
    """Plain Odoo and suite runs interleaved, so that the load of the
    (shared) machine weighs on both alike; the first pair warms up.

    :return: {plain: (median ms, min ms, queries, median ms inside the credit
        layer)}
    """
    results = {True: ([], [], []), False: ([], [], [])}
    for run in range(runs + 1):
        for plain in (True, False) if run % 2 else (False, True):
            elapsed, queries, inside = _confirm_once(registry, dealer_id, lines, plain)
            if run:
                results[plain][0].append(elapsed)
                results[plain][1].append(queries)
                results[plain][2].append(inside)
    return {
        plain: (
            statistics.median(times),
            min(times),
            int(statistics.median(queries)),
            statistics.median(inside),
        )
        for plain, (times, queries, inside) in results.items()
    }


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_credit", "b2b_credit_sale"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        whale = generate(env)
        company = env.company
        company.write(
            {"b2b_credit_policy_order": "block", "b2b_credit_policy_quotation": "block"}
        )
        # the products of the measured quotations, created once
        quotation(env, whale, 500).unlink()
        cr.commit()
        times, queries, exposure, decision = measure_decision(env, whale, args.runs)
        print(
            f"whale: {N_INVOICES} open invoices, {N_ORDERS} open orders, "
            f"exposure {exposure['total']:.2f} ({decision['result']})"
        )
        print(
            f"decision: median {statistics.median(times):.2f} ms, "
            f"p95 {p95(times):.2f} ms, queries {max(queries)} "
            f"({args.runs} runs)"
        )
        cr.rollback()
    results = {}
    for lines in (20, 500):
        measured = measure_confirm(registry, whale.id, lines, args.confirm_runs)
        results[lines] = (measured[True], measured[False])
    print(f"\nconfirmation, {args.confirm_runs} runs (median; min in brackets)")
    print(
        f"{'lines':>6} {'plain ms':>16} {'suite ms':>16} {'+% median':>10} "
        f"{'+% min':>7} {'credit layer ms':>16} {'+queries':>9}"
    )
    for lines, (plain, suite) in results.items():
        p_med, p_min, p_q, __ = plain
        s_med, s_min, s_q, s_in = suite
        print(
            f"{lines:6d} {p_med:9.1f} [{p_min:6.1f}] {s_med:9.1f} [{s_min:6.1f}] "
            f"{100.0 * (s_med - p_med) / p_med:10.1f} "
            f"{100.0 * (s_min - p_min) / p_min:7.1f} "
            f"{s_in:9.1f} ({100.0 * s_in / p_med:4.1f}%) {s_q - p_q:9d}"
        )


if __name__ == "__main__":
    main()
