#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer health benchmark: the daily job on 10,000 dealers with 1,000,000
sales order lines and their invoices.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=health
    python3 bench/health/bench_health.py --db b2b_bench_health --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_crm_health`` and ``b2b_credit``
  (overdue amounts) in it;
- generates the dataset once, in SQL (``INSERT ... SELECT ...
  generate_series``) from one dealer, one confirmed order and one posted
  invoice made through the ORM: 10,000 approved dealers in 4 tiers,
  100,000 confirmed orders of 10 lines (1,000,000 lines) over 400 days,
  50,000 posted invoices and credit notes with their journal items (a
  tenth overdue); it is reused by later runs;
- measures the job (``b2b.dealer.health._b2b_compute`` of the company with
  the shipped rules), each run in its own transaction, rolled back:

  * ``first run``: no health rows yet: every row inserted, every flag and
    activity created;
  * ``next run``: after a first run: rows updated, flags rewritten, no new
    activity (they are open);

  with the time, the queries and the figures (dealers, flagged per rule,
  activities). Target: 60 s on 2 cores.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-HEALTH-V1"
N_DEALERS = 10000
N_ORDERS = 100000
N_LINES_PER_ORDER = 10
N_INVOICES = 50000
N_TIERS = 4


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of each kind")
    return parser.parse_args()


def _template_records(env):
    from odoo import Command

    tiers = env["b2b.dealer.tier"].create(
        [{"name": f"Bench tier {i}", "code": f"{MARKER}-{i}"} for i in range(N_TIERS)]
    )
    user = env.ref("base.user_admin")
    dealer = (
        env["res.partner"]
        .with_context(b2b_import_state=True, tracking_disable=True)
        .create(
            {
                "name": "Bench dealer",
                "ref": MARKER,
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_state": "approved",
                "b2b_tier_id": tiers[0].id,
                "user_id": user.id,
            }
        )
    )
    product = env["product.product"].create(
        {"name": "Bench product", "type": "consu", "list_price": 10.0, "taxes_id": []}
    )
    order = (
        env["sale.order"]
        .with_context(tracking_disable=True)
        .create(
            {
                "partner_id": dealer.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 10.0, "tax_id": []}
                    )
                ],
            }
        )
    )
    order.action_confirm()
    invoice = (
        env["account.move"]
        .with_context(tracking_disable=True)
        .create(
            {
                "move_type": "out_invoice",
                "partner_id": dealer.id,
                "invoice_date": "2026-01-05",
                "invoice_date_due": "2026-02-05",
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 100.0, "tax_ids": []}
                    )
                ],
            }
        )
    )
    invoice.action_post()
    env.flush_all()
    return tiers, dealer, order, invoice


def generate(env):
    """The dataset (once): dealers, orders and lines, invoices and items."""
    from psycopg2 import sql

    cr = env.cr
    if env["b2b.dealer.tier"].search_count([("code", "=like", f"{MARKER}-%")]):
        return
    start = time.perf_counter()
    tiers, dealer, order, invoice = _template_records(env)
    dealers = [dealer.id] + benchlib.insert_copies(
        cr,
        "res_partner",
        dealer.id,
        N_DEALERS - 1,
        {
            "name": "'Bench dealer ' || g",
            "complete_name": "'Bench dealer ' || g",
            "b2b_tier_id": "(%(tiers)s::int[])[1 + g %% " + str(N_TIERS) + "]",
        },
        {"tiers": tiers.ids},
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
        [dealers],
    )
    print(f"  {len(dealers)} dealers ({time.perf_counter() - start:.1f}s)")
    # Orders: 10 per dealer over the last 400 days; a dealer's behaviour
    # depends on its number (k = its rank modulo 10): k = 0 stopped 100+
    # days ago, k = 1 orders half as often lately, k = 2 orders smaller
    # amounts lately, the others are steady.
    orders = benchlib.insert_copies(
        cr,
        "sale_order",
        order.id,
        N_ORDERS,
        {
            "name": "'BH/' || g",
            "partner_id": "(%(dealers)s::int[])[1 + g %% %(n)s]",
            "partner_invoice_id": "(%(dealers)s::int[])[1 + g %% %(n)s]",
            "partner_shipping_id": "(%(dealers)s::int[])[1 + g %% %(n)s]",
            "date_order": """now() AT TIME ZONE 'UTC' - make_interval(days =>
                CASE WHEN (g %% %(n)s) %% 10 = 0 THEN 100 + (g / %(n)s) * 30
                     WHEN (g %% %(n)s) %% 10 = 1 THEN
                          CASE WHEN g / %(n)s < 2 THEN (g / %(n)s) * 40 + 5
                               ELSE 95 + (g / %(n)s) * 10 END
                     ELSE (g / %(n)s) * 40 + 3 END)""",
            "amount_untaxed": """CASE WHEN (g %% %(n)s) %% 10 = 2 AND g / %(n)s < 3
                THEN 20 ELSE 100 END""",
            "amount_total": """CASE WHEN (g %% %(n)s) %% 10 = 2 AND g / %(n)s < 3
                THEN 20 ELSE 100 END""",
        },
        {"dealers": dealers, "n": N_DEALERS},
    )
    print(f"  {len(orders)} orders ({time.perf_counter() - start:.1f}s)")
    columns = benchlib.columns(
        cr, "sale_order_line", {"id", "order_id", "order_partner_id"}
    )
    cr.execute(
        sql.SQL(
            "INSERT INTO sale_order_line ({cols}, order_id, order_partner_id) "
            "SELECT {lcols}, o.id, o.partner_id FROM sale_order_line l "
            "CROSS JOIN unnest(%s::int[]) AS new(id) "
            "JOIN sale_order o ON o.id = new.id "
            "CROSS JOIN generate_series(1, %s) WHERE l.id = %s"
        ).format(
            cols=sql.SQL(", ").join(sql.Identifier(c) for c in columns),
            lcols=sql.SQL(", ").join(
                sql.SQL("l.") + sql.Identifier(c) for c in columns
            ),
        ),
        [orders, N_LINES_PER_ORDER, order.order_line.id],
    )
    print(f"  {cr.rowcount} order lines ({time.perf_counter() - start:.1f}s)")
    # Invoices: every second order's, dated like it; one in 10 a credit
    # note (its header only: the volume reads the headers), one in 10 due
    # 60 days ago and open (overdue).
    day = "(now() - make_interval(days => (g / %(n)s) * 60 + 3))::date"
    moves = benchlib.insert_copies(
        cr,
        "account_move",
        invoice.id,
        N_INVOICES,
        {
            "name": "'BHI/' || g",
            "partner_id": "(%(dealers)s::int[])[1 + g %% %(n)s]",
            "commercial_partner_id": "(%(dealers)s::int[])[1 + g %% %(n)s]",
            "move_type": "CASE WHEN g %% 10 = 5 THEN 'out_refund' "
            "ELSE 'out_invoice' END",
            "amount_untaxed_signed": "CASE WHEN g %% 10 = 5 THEN -100 ELSE 100 END",
            "invoice_date": day,
            "date": day,
            "invoice_date_due": """CASE WHEN g %% 10 = 3
                THEN (now() - interval '60 days')::date
                ELSE (now() + interval '30 days')::date END""",
        },
        {"dealers": dealers, "n": N_DEALERS},
    )
    columns = benchlib.columns(
        cr,
        "account_move_line",
        {"id", "move_id", "partner_id", "date_maturity", "date"},
    )
    cr.execute(
        sql.SQL(
            "INSERT INTO account_move_line ({cols}, move_id, partner_id, "
            "date_maturity, date) "
            "SELECT {lcols}, m.id, m.partner_id, "
            "CASE WHEN l.date_maturity IS NULL THEN NULL ELSE m.invoice_date_due END, "
            "m.date FROM account_move_line l CROSS JOIN unnest(%s::int[]) AS new(id) "
            "JOIN account_move m ON m.id = new.id "
            "WHERE l.move_id = %s"
        ).format(
            cols=sql.SQL(", ").join(sql.Identifier(c) for c in columns),
            lcols=sql.SQL(", ").join(
                sql.SQL("l.") + sql.Identifier(c) for c in columns
            ),
        ),
        [moves, invoice.id],
    )
    print(
        f"  {len(moves)} invoices, {cr.rowcount} items "
        f"({time.perf_counter() - start:.1f}s)"
    )
    for table in (
        "res_partner",
        "sale_order",
        "sale_order_line",
        "account_move",
        "account_move_line",
    ):
        cr.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(table)))
    env.invalidate_all()
    cr.commit()
    print(f"dataset generated in {time.perf_counter() - start:.1f}s")


def run_job(env, company):
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    env["b2b.dealer.health"]._b2b_compute(company)
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries


def figures(env, company):
    Health = env["b2b.dealer.health"]
    rows = Health.search_count([("company_id", "=", company.id)])
    flagged = Health.search_count(
        [("company_id", "=", company.id), ("flagged", "=", True)]
    )
    per_rule = env["b2b.dealer.health.flag"]._read_group(
        [("company_id", "=", company.id)], ["rule_id"], ["__count"]
    )
    activities = env["mail.activity"].search_count(
        [("b2b_health_rule_id", "!=", False)]
    )
    parts = ", ".join(f"{rule.name}: {count}" for rule, count in per_rule)
    return f"{rows} rows, {flagged} flagged ({parts}), {activities} open activities"


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_crm_health", "b2b_credit"])
    registry = benchlib.registry(args.db)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        generate(env)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cr.execute(
            "SELECT (SELECT count(*) FROM res_partner WHERE b2b_is_dealer "
            "AND b2b_state = 'approved'), (SELECT count(*) FROM sale_order_line), "
            "(SELECT count(*) FROM account_move WHERE state = 'posted')"
        )
        dealers, lines, moves = cr.fetchone()
        print(
            f"dataset: {dealers} approved dealers, {lines} order lines, "
            f"{moves} posted invoices / credit notes"
        )
    company = None
    for kind in ("first run", "next run"):
        timings = []
        for _index in range(args.runs):
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                company = env.ref("base.main_company")
                env["mail.activity"].search(
                    [("b2b_health_rule_id", "!=", False)]
                ).unlink()
                cr.execute("DELETE FROM b2b_dealer_health")
                if kind == "next run":
                    run_job(env, company)
                timings.append(run_job(env, company))
                shown = figures(env, company)
                cr.rollback()
        best = min(t for t, _q in timings)
        median = sorted(t for t, _q in timings)[len(timings) // 2]
        print(
            f"{kind}: median {median:.2f}s, min {best:.2f}s, "
            f"{timings[0][1]} queries; {shown}"
        )


if __name__ == "__main__":
    main()
