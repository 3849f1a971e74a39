#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Tier review benchmark: the review of 10,000 dealers whose invoices total
1,000,000 invoice lines.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=tier_review
    python3 bench/tier_review/bench_tier_review.py --db b2b_bench_tier_review \\
        --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_tier_review`` in it;
- generates the dataset once, set-based in SQL (``generate_series``) from one
  dealer and one posted 9-line invoice (10 move lines with the receivable):
  10,000 dealers in a ladder Standard (0) < Silver (100,000) < Gold (300,000)
  < Platinum (600,000), 100,000 posted invoices over the last 15 months
  (1,000,000 invoice lines); reused by later runs;
- measures, each in its own transaction rolled back (nothing is kept), with
  an empty record cache and warm ormcaches:

  * ``preview``: ``_b2b_compute`` (the what-if preview, nothing written);
  * ``review (approval)``: ``_b2b_run`` with a manager approving: every
    proposal written, nothing applied;
  * ``review (automatic)``: ``_b2b_run`` applying the upgrades at once and
    opening the downgrades' grace periods;
  * ``due downgrades``: the review on the last day of the grace period,
    every downgrade applied and audited.

Target (issue 15): <= 60 s on 2 cores for the review of 10,000 dealers.
"""

import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-TIER-V1"
N_DEALERS = 10000
N_INVOICES = 100000
LINES_PER_INVOICE = 9  # + the receivable line: 10 move lines per invoice
THRESHOLDS = (("Standard", 0.0), ("Silver", 1e5), ("Gold", 3e5), ("Platinum", 6e5))


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of each step")
    return parser.parse_args()


def generate(env):
    from odoo import Command

    Partner = env["res.partner"].with_context(tracking_disable=True)
    if Partner.search_count([("ref", "=like", f"{MARKER}-%")], limit=1):
        return
    start = time.perf_counter()
    company = env.company
    tiers = env["b2b.dealer.tier"].create(
        [
            {
                "name": f"{MARKER} {name}",
                "code": f"{MARKER}-{name}",
                "sequence": 100 + i,
                "b2b_review_included": True,
                "b2b_review_threshold": threshold,
            }
            for i, (name, threshold) in enumerate(THRESHOLDS)
        ]
    )
    seed = Partner.with_context(b2b_import_state=True).create(
        {
            "name": "Bench dealer",
            "ref": f"{MARKER}-seed",
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_state": "approved",
            "b2b_tier_id": tiers[0].id,
            "company_id": company.id,
            "user_id": env.uid,
        }
    )
    invoice = (
        env["account.move"]
        .with_context(tracking_disable=True)
        .create(
            {
                "move_type": "out_invoice",
                "partner_id": seed.id,
                "invoice_date": datetime.date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {"name": f"Goods {i}", "price_unit": 10.0, "tax_ids": []}
                    )
                    for i in range(LINES_PER_INVOICE)
                ],
            }
        )
    )
    invoice.action_post()
    env.flush_all()
    cr = env.cr
    # 10,000 dealers: tiers spread over the ladder (the seed is the first)
    benchlib.insert_select(
        cr,
        "res_partner",
        {
            "name": "'Bench dealer ' || g",
            "ref": f"'{MARKER}-' || g",
            "b2b_dealer_code": f"'{MARKER}-' || g",
            "b2b_tier_id": "(%s::int[])[1 + g %% 4]",
            "complete_name": "'Bench dealer ' || g",
        },
        "t.id = %s",
        "CROSS JOIN generate_series(1, %s) g",
        [tiers.ids, N_DEALERS - 1, seed.id],
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE ref LIKE %s AND id != %s",
        [f"{MARKER}-%", seed.id],
    )
    cr.execute(
        "SELECT array_agg(id ORDER BY id) FROM res_partner WHERE ref LIKE %s",
        [f"{MARKER}-%"],
    )
    dealer_ids = cr.fetchone()[0]
    # 100,000 invoices: 10 per dealer over the last 15 months; the amount
    # depends on the dealer, so that volumes cover the whole ladder
    cr.execute(
        "CREATE TEMP TABLE bench_moves (n int, partner_id int, invoice_date date, "
        "amount numeric)"
    )
    cr.execute(
        """INSERT INTO bench_moves
           SELECT g, (%s::int[])[1 + g %% %s],
                  current_date - ((g * 37) %% 450),
                  200 + ((g %% %s) %% 101) * 1000
             FROM generate_series(1, %s) g""",
        [dealer_ids, N_DEALERS, N_DEALERS, N_INVOICES - 1],
    )
    benchlib.insert_select(
        cr,
        "account_move",
        {
            "name": "t.name || '/B' || b.n",
            "partner_id": "b.partner_id",
            "commercial_partner_id": "b.partner_id",
            "invoice_date": "b.invoice_date",
            "date": "b.invoice_date",
            "amount_untaxed": "b.amount",
            "amount_untaxed_signed": "b.amount",
            "amount_total": "b.amount",
            "amount_total_signed": "b.amount",
            "amount_residual": "b.amount",
            "amount_residual_signed": "b.amount",
            "payment_reference": "t.name || '/B' || b.n",
        },
        "t.id = %s",
        "CROSS JOIN bench_moves b",
        [invoice.id],
    )
    cr.execute(
        "CREATE TEMP TABLE bench_new_moves AS SELECT id, partner_id, invoice_date "
        "FROM account_move WHERE name LIKE %s",
        [f"{invoice.name}/B%"],
    )
    benchlib.insert_select(
        cr,
        "account_move_line",
        {
            "move_id": "m.id",
            "partner_id": "m.partner_id",
            "date": "m.invoice_date",
            "invoice_date": "m.invoice_date",
        },
        "t.move_id = %s",
        "CROSS JOIN bench_new_moves m",
        [invoice.id],
    )
    for table in ("res_partner", "account_move", "account_move_line"):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    cr.commit()
    print(f"dataset generated in {time.perf_counter() - start:.1f}s")


def _measure(registry, step, runs):
    """(median seconds, queries, result summary) of ``step(env, company)``,
    each run in its own transaction, rolled back."""
    from odoo import SUPERUSER_ID, api

    times, queries, summary = [], [], None
    for _run in range(runs):
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            company = env.company
            env.invalidate_all()
            count = cr.sql_log_count
            start = time.perf_counter()
            summary = step(env, company)
            env.flush_all()
            times.append(time.perf_counter() - start)
            queries.append(cr.sql_log_count - count)
            cr.rollback()
    times.sort()
    return times[len(times) // 2], max(queries), summary


def _counts(decisions):
    counts = {}
    for decision in decisions:
        counts[decision["action"]] = counts.get(decision["action"], 0) + 1
    return counts


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_tier_review"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        generate(env)
        env.company.write(
            {
                "b2b_tier_review": True,
                "b2b_tier_review_hysteresis": 10.0,
                "b2b_tier_review_grace_days": 60,
            }
        )
        cr.execute(
            "SELECT count(*) FROM res_partner WHERE ref LIKE %s", [f"{MARKER}-%"]
        )
        dealers = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*), count(DISTINCT l.move_id) FROM account_move_line l "
            "JOIN account_move m ON m.id = l.move_id "
            "WHERE m.commercial_partner_id IN "
            "(SELECT id FROM res_partner WHERE ref LIKE %s)",
            [f"{MARKER}-%"],
        )
        lines, invoices = cr.fetchone()
        cr.commit()
    print(f"{dealers} dealers, {invoices} invoices, {lines} invoice lines")
    today = datetime.date.today()

    def preview(env, company):
        return _counts(env["b2b.tier.review"]._b2b_compute(company, today))

    def review(mode):
        def step(env, company):
            company.b2b_tier_review_mode = mode
            env.flush_all()
            return _counts(env["b2b.tier.review"]._b2b_run(company, today))

        return step

    def due(env, company):
        company.b2b_tier_review_mode = "auto"
        Review = env["b2b.tier.review"]
        Review._b2b_run(company, today)
        env.flush_all()
        env.invalidate_all()
        start = time.perf_counter()
        result = _counts(Review._b2b_run(company, today + datetime.timedelta(60)))
        env.flush_all()
        result["seconds"] = round(time.perf_counter() - start, 2)
        return result

    print(f"\n{'step':<22} {'median s':>9} {'queries':>8}  decisions")
    for name, step in (
        ("preview", preview),
        ("review (approval)", review("approve")),
        ("review (automatic)", review("auto")),
    ):
        seconds, queries, summary = _measure(registry, step, args.runs)
        print(f"{name:<22} {seconds:9.2f} {queries:8d}  {summary}")
    __, __, summary = _measure(registry, due, 1)
    seconds = summary.pop("seconds")
    print(f"{'due downgrades':<22} {seconds:9.2f} {'':>8}  {summary}")


if __name__ == "__main__":
    main()
