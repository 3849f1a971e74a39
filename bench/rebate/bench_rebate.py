#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Rebate benchmark: the accrual of 1,000 dealers with 12 months of
invoices (216,000 invoice lines), and the dealer's portal rebate page.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=rebate
    python3 bench/rebate/bench_rebate.py --db b2b_bench_rebate --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_portal_rebate`` (with
  ``b2b_rebate``) in it;
- generates the dataset once, set-based in SQL (``generate_series``) from
  one dealer and one posted 9-line invoice made through the ORM: 1,000
  approved dealers, 24,000 posted invoices (2 per dealer and month over the
  12 months before the first day of this month, 216,000 product lines plus
  the receivable lines), amounts depending on the dealer so that the
  volumes cover every step; a dealer with one invoice of this month only
  and the portal buyers of both; reused by later runs;
- measures, each run in its own transaction rolled back (nothing is kept),
  with an empty record cache and warm ormcaches (``--runs``, median):

  * ``12 months, first``: a programme over the 12 months (one period,
    retroactive steps): ``_b2b_compute_period``, 1,000 accruals created;
  * ``12 months, again``: the same recomputed, nothing changed;
  * ``12 months, changed``: recomputed after every counted line's amount
    grew by 1 % (every dealer's figures updated);
  * ``monthly, 12 periods``: a monthly programme's 12 periods computed
    (12,000 accruals created);
  * ``nightly job``: ``b2b.rebate.dirty._b2b_cron`` with both programmes
    running (current and previous period of each);

- then commits the monthly programme's accruals and serves the database
  with one worker to count the queries of ``/my/b2b/rebates`` (Odoo's
  request log: queries per request) for the dealer with one period and for
  a dealer with 12 periods of history, each after two warm-up requests.

Targets (issue 17): the accrual of 1,000 dealers x 12 months (>= 200,000
invoice lines) <= 60 s on 2 cores; the portal page <= 20 queries whatever
the history.
"""

import datetime
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

from dateutil.relativedelta import relativedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-REBATE-V1"
N_DEALERS = 1000
MONTHS = 12
INVOICES_PER_MONTH = 2
LINES_PER_INVOICE = 9  # + the receivable line
#: yearly steps (the monthly programme's are a twelfth)
STEPS = ((50000.0, 2.0), (150000.0, 3.0), (300000.0, 4.0))
PASSWORD = "bench-rebate"


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of each step")
    return parser.parse_args()


def _window(today):
    """The 12 months before the first day of this month."""
    end = today.replace(day=1) - datetime.timedelta(days=1)
    start = end.replace(day=1) - relativedelta(months=MONTHS - 1)
    return start, end


def _invoice(env, partner, day, price):
    from odoo import Command

    move = (
        env["account.move"]
        .with_context(tracking_disable=True)
        .create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": day,
                "invoice_line_ids": [
                    Command.create(
                        {"name": f"Goods {i}", "price_unit": price, "tax_ids": []}
                    )
                    for i in range(LINES_PER_INVOICE)
                ],
            }
        )
    )
    move.action_post()
    return move


def _portal_user(env, dealer, login):
    contact = env["res.partner"].create({"name": login, "parent_id": dealer.id})
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "login": login,
                "password": PASSWORD,
                "partner_id": contact.id,
                "groups_id": [
                    (6, 0, [env.ref("base.group_portal").id]),
                    (4, env.ref("b2b_base.b2b_base_group_buyer_purchaser").id),
                ],
            }
        )
    )


def generate(env):
    Partner = env["res.partner"].with_context(tracking_disable=True)
    if Partner.search_count([("ref", "=like", f"{MARKER}-%")], limit=1):
        return
    begin = time.perf_counter()
    company = env.company
    today = datetime.date.today()
    start, _end = _window(today)
    dealer_vals = {
        "is_company": True,
        "b2b_is_dealer": True,
        "b2b_state": "approved",
        "company_id": company.id,
    }
    seed = Partner.with_context(b2b_import_state=True).create(
        {"name": "Bench rebate dealer", "ref": f"{MARKER}-seed", **dealer_vals}
    )
    invoice = _invoice(env, seed, start, 10.0)
    env.flush_all()
    cr = env.cr
    # 1,000 dealers (the seed is the first)
    benchlib.insert_select(
        cr,
        "res_partner",
        {
            "name": "'Bench rebate dealer ' || g",
            "ref": f"'{MARKER}-' || g",
            "b2b_dealer_code": f"'{MARKER}-' || g",
            "complete_name": "'Bench rebate dealer ' || g",
        },
        "t.id = %s",
        "CROSS JOIN generate_series(1, %s) g",
        [N_DEALERS - 1, seed.id],
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
    # 24,000 invoices: 2 per dealer and month; the line amount grows with
    # the dealer's rank (50 to 2,030: yearly volumes of 10,800 to 438,480)
    n_invoices = N_DEALERS * MONTHS * INVOICES_PER_MONTH
    cr.execute(
        "CREATE TEMP TABLE bench_moves (n int, partner_id int, invoice_date date, "
        "amount numeric)"
    )
    cr.execute(
        """INSERT INTO bench_moves
           SELECT g, (%(dealers)s::int[])[1 + g %% %(n)s],
                  (%(start)s::date + (g / %(n)s / %(per)s) * interval '1 month'
                   + ((g / %(n)s) %% %(per)s) * 14 * interval '1 day')::date,
                  50 + ((g %% %(n)s) %% 100) * 20
             FROM generate_series(1, %(count)s) g""",
        {
            "dealers": dealer_ids,
            "n": N_DEALERS,
            "per": INVOICES_PER_MONTH,
            "start": start,
            "count": n_invoices - 1,
        },
    )
    total = f"b.amount * {LINES_PER_INVOICE}"
    benchlib.insert_select(
        cr,
        "account_move",
        {
            "name": "t.name || '/R' || b.n",
            "partner_id": "b.partner_id",
            "commercial_partner_id": "b.partner_id",
            "invoice_date": "b.invoice_date",
            "date": "b.invoice_date",
            "invoice_date_due": "b.invoice_date",
            "amount_untaxed": total,
            "amount_untaxed_signed": total,
            "amount_untaxed_in_currency_signed": total,
            "amount_total": total,
            "amount_total_signed": total,
            "amount_total_in_currency_signed": total,
            "amount_residual": total,
            "amount_residual_signed": total,
            "payment_reference": "t.name || '/R' || b.n",
        },
        "t.id = %s",
        "CROSS JOIN bench_moves b",
        [invoice.id],
    )
    cr.execute(
        "CREATE TEMP TABLE bench_new_moves AS SELECT m.id, m.partner_id, "
        "m.invoice_date, b.amount FROM account_move m "
        "JOIN bench_moves b ON m.name = %s || '/R' || b.n",
        [invoice.name],
    )
    product = "t.display_type = 'product'"
    benchlib.insert_select(
        cr,
        "account_move_line",
        {
            "move_id": "m.id",
            "partner_id": "m.partner_id",
            "date": "m.invoice_date",
            "invoice_date": "m.invoice_date",
            "date_maturity": "m.invoice_date",
            "price_unit": f"CASE WHEN {product} THEN m.amount ELSE t.price_unit END",
            "price_subtotal": f"CASE WHEN {product} THEN m.amount "
            "ELSE t.price_subtotal END",
            "price_total": f"CASE WHEN {product} THEN m.amount ELSE t.price_total END",
            "debit": f"CASE WHEN {product} THEN 0 ELSE m.amount * 9 END",
            "credit": f"CASE WHEN {product} THEN m.amount ELSE 0 END",
            "balance": f"CASE WHEN {product} THEN -m.amount ELSE m.amount * 9 END",
            "amount_currency": f"CASE WHEN {product} THEN -m.amount "
            "ELSE m.amount * 9 END",
            "amount_residual": f"CASE WHEN {product} THEN 0 ELSE m.amount * 9 END",
            "amount_residual_currency": f"CASE WHEN {product} THEN 0 "
            "ELSE m.amount * 9 END",
        },
        "t.move_id = %s",
        "CROSS JOIN bench_new_moves m",
        [invoice.id],
    )
    # the seed's own invoice: the same rule as the others (rank 0)
    cr.execute(
        "UPDATE account_move_line SET price_unit = 50, price_subtotal = 50, "
        "price_total = 50, credit = 50, balance = -50, amount_currency = -50 "
        "WHERE move_id = %s AND display_type = 'product'",
        [invoice.id],
    )
    cr.execute(
        "UPDATE account_move_line SET debit = 450, balance = 450, "
        "amount_currency = 450, amount_residual = 450, "
        "amount_residual_currency = 450 "
        "WHERE move_id = %s AND display_type = 'payment_term'",
        [invoice.id],
    )
    for table in ("res_partner", "account_move", "account_move_line"):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    # the portal: a dealer with one invoice of this month only, its buyer,
    # and the buyer of the last (largest) generated dealer
    small = Partner.with_context(b2b_import_state=True).create(
        {
            "name": "Bench rebate new dealer",
            "ref": "BENCH-REBATE-NEW",
            "b2b_dealer_code": "BENCH-REBATE-NEW",
            **dealer_vals,
        }
    )
    _invoice(env, small, today.replace(day=1), 100.0)
    _portal_user(env, small, "bench_rebate_small")
    _portal_user(env, Partner.browse(dealer_ids[-1]), "bench_rebate_big")
    env.flush_all()
    cr.commit()
    print(f"dataset generated in {time.perf_counter() - begin:.1f}s")


def _programmes(env):
    """The two programmes of the benchmark, created in draft (once)."""
    from odoo import Command

    Programme = env["b2b.rebate.programme"].with_context(tracking_disable=True)
    found = Programme.search([("name", "=like", f"{MARKER}%")], order="id")
    if found:
        return found
    today = datetime.date.today()
    start, end = _window(today)
    common = {"company_id": env.company.id, "partner_ids": []}
    yearly = Programme.create(
        {
            **common,
            "name": f"{MARKER} 12 months",
            "period_type": "custom",
            "date_start": start,
            "date_end": end,
            "step_ids": [Command.create({"threshold": t, "rate": r}) for t, r in STEPS],
        }
    )
    monthly = Programme.create(
        {
            **common,
            "name": f"{MARKER} monthly",
            "period_type": "month",
            "date_start": start,
            "step_ids": [
                Command.create({"threshold": t / 12, "rate": r}) for t, r in STEPS
            ],
        }
    )
    return yearly | monthly


def _measure(registry, step, runs):
    """(median seconds, queries, result) of ``step(env)``, each run in its
    own transaction, rolled back."""
    from odoo import SUPERUSER_ID, api

    times, queries, result = [], [], None
    for _run in range(runs):
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            prepare = getattr(step, "prepare", None)
            if prepare:
                prepare(env)
                env.flush_all()
            env.invalidate_all()
            count = cr.sql_log_count
            start = time.perf_counter()
            result = step(env)
            env.flush_all()
            times.append(time.perf_counter() - start)
            queries.append(cr.sql_log_count - count)
            cr.rollback()
    times.sort()
    return times[len(times) // 2], max(queries), result


def _accrual_summary(env, programme):
    groups = env["b2b.rebate.accrual"]._read_group(
        [("programme_id", "=", programme.id)],
        [],
        ["__count", "amount:sum", "accrued_amount:sum"],
    )
    count, amount, accrued = groups[0]
    return f"{count} accruals, volume {amount:,.2f}, accrued {accrued:,.2f}"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _page_queries(db):
    """Queries of /my/b2b/rebates for the two portal buyers, from Odoo's
    request log (``"GET ..." 200 - <queries> <sql time> <other time>``)."""
    import requests

    port = _free_port()
    log = tempfile.NamedTemporaryFile(prefix="b2b-bench-rebate-", suffix=".log")
    proc = subprocess.Popen(
        [
            sys.executable,
            benchlib.ODOO_BIN,
            "-d",
            db,
            f"--db-filter=^{db}$",
            f"--addons-path={benchlib.ADDONS}",
            "--workers=0",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            "--log-level=info",
            f"--logfile={log.name}",
        ],
        cwd="/",
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _i in range(240):
            try:
                if requests.get(f"{url}/web/health", timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.5)
        counts = {}
        for login in ("bench_rebate_small", "bench_rebate_big"):
            session = requests.Session()
            res = session.post(
                f"{url}/web/session/authenticate",
                json={
                    "jsonrpc": "2.0",
                    "params": {"db": db, "login": login, "password": PASSWORD},
                },
                timeout=30,
            )
            res.raise_for_status()
            assert res.json().get("result"), res.text
            for _i in range(3):
                page = session.get(f"{url}/my/b2b/rebates", timeout=60)
                assert page.status_code == 200, page.status_code
            time.sleep(0.5)  # the log line is written after the answer
            lines = [
                line
                for line in open(log.name, encoding="utf-8")
                if "GET /my/b2b/rebates" in line
            ]
            match = re.search(r'" 200 - (\d+) ', lines[-1])
            rows = page.text.count('name="b2b_rebate_past_row"')
            cards = page.text.count('name="b2b_rebate_card"')
            counts[login] = (int(match.group(1)), cards, rows)
        return counts
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_portal_rebate"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        generate(env)
        yearly, monthly = _programmes(env)
        # the measured runs set the programmes running themselves
        (yearly | monthly).write({"state": "draft"})
        cr.commit()
        cr.execute(
            "SELECT count(*), count(DISTINCT l.move_id) FROM account_move_line l "
            "JOIN res_partner p ON p.id = l.partner_id "
            "WHERE p.ref LIKE %s AND l.display_type = 'product'",
            [f"{MARKER}-%"],
        )
        lines, invoices = cr.fetchone()
        cr.execute(
            "SELECT count(*) FROM res_partner WHERE ref LIKE %s", [f"{MARKER}-%"]
        )
        dealers = cr.fetchone()[0]
        yearly_id, monthly_id = yearly.id, monthly.id
        window = (yearly.date_start, yearly.date_end)
    print(f"{dealers} dealers, {invoices} invoices, {lines} invoice lines")
    start, end = window
    months = []
    day = start
    while day <= end:
        months.append((day, day + relativedelta(months=1, days=-1)))
        day += relativedelta(months=1)

    def programme(env, pid):
        record = env["b2b.rebate.programme"].browse(pid)
        record.state = "running"
        return record

    def first(env):
        record = programme(env, yearly_id)
        record._b2b_compute_period(start, end)
        return _accrual_summary(env, record)

    def again(env):
        record = env["b2b.rebate.programme"].browse(yearly_id)
        record._b2b_compute_period(start, end)
        return _accrual_summary(env, record)

    again.prepare = first

    def changed(env):
        return again(env)

    def grow(env):
        first(env)
        env.cr.execute(
            "UPDATE account_move_line l SET balance = round(balance * 1.01, 2) "
            "FROM res_partner p WHERE p.id = l.partner_id AND p.ref LIKE %s "
            "AND l.display_type = 'product'",
            [f"{MARKER}-%"],
        )

    changed.prepare = grow

    def monthly_periods(env):
        record = programme(env, monthly_id)
        for period_start, period_end in months:
            record._b2b_compute_period(period_start, period_end)
        return _accrual_summary(env, record)

    def nightly(env):
        programme(env, yearly_id)
        programme(env, monthly_id)
        env.flush_all()
        env["b2b.rebate.dirty"]._b2b_cron()
        return "current and previous period of both programmes"

    print(f"\n{'step':<22} {'median s':>9} {'queries':>8}  result")
    for name, step in (
        ("12 months, first", first),
        ("12 months, again", again),
        ("12 months, changed", changed),
        ("monthly, 12 periods", monthly_periods),
        ("nightly job", nightly),
    ):
        seconds, queries, summary = _measure(registry, step, args.runs)
        print(f"{name:<22} {seconds:9.2f} {queries:8d}  {summary}")
    # the portal page, on the monthly programme's committed figures
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        record = programme(env, monthly_id)
        this_month = record._b2b_period_of(end + datetime.timedelta(days=1))
        for period_start, period_end in [*months, this_month]:
            record._b2b_compute_period(period_start, period_end)
        env.flush_all()
        # the new dealer joined this month: no accrual of the periods before
        cr.execute(
            "DELETE FROM b2b_rebate_accrual WHERE programme_id = %s "
            "AND period_end < %s AND partner_id = "
            "(SELECT id FROM res_partner WHERE ref = 'BENCH-REBATE-NEW')",
            [monthly_id, this_month[0]],
        )
        cr.commit()
    try:
        counts = _page_queries(args.db)
    finally:
        # back to the generated state: the next run measures the same
        with registry.cursor() as cr:
            cr.execute(
                "DELETE FROM b2b_rebate_accrual WHERE programme_id = %s", [monthly_id]
            )
            cr.execute(
                "UPDATE b2b_rebate_programme SET state = 'draft' WHERE id = %s",
                [monthly_id],
            )
    print("\nportal /my/b2b/rebates (warm):")
    for login, (queries, cards, rows) in counts.items():
        print(f"  {login:<20} {queries:3d} queries ({cards} running, {rows} past)")


if __name__ == "__main__":
    main()
