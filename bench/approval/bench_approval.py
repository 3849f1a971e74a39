#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Approval benchmark: the overhead of the approval check on confirming a
quotation, against plain Odoo.

One command (from the repository root, Odoo 18 importable by ``python3``)::

    make bench BENCH=approval
    python3 bench/approval/bench_approval.py --db b2b_bench_approval --template TEMPLATE

- creates the database from the test template (``make bench`` passes it)
  when it does not exist and installs ``b2b_approval_sale`` in it;
- generates the dataset once: an approved dealer, 500 products, two users,
  20 seller rules on sale orders that never match (amount above 10^12) and
  one that matches every order (its single step approved by a reviewer);
- measures ``action_confirm`` (and the flush) of a 20-line and a 500-line
  quotation of the dealer, in the same run and on the same data, with an
  empty record cache and warm ormcaches:

  * ``plain Odoo``: the approval layer patched out (``_b2b_approval_submit``
    returns nothing), no rule;
  * ``no rule``: the suite, every rule archived;
  * ``20 rules, none match``: the suite, the 20 non-matching rules;
  * ``approved``: the suite, the 20 non-matching rules plus the matching one,
    the quotation's request approved before the measure (the check finds it);

  the four cases interleaved run by run (rotating their order) so that the
  load of a shared machine weighs on all alike; median of ``--runs``.
  Nothing measured is committed (rollback to a savepoint after each run).
"""

import os
import statistics
import sys
import time
from unittest.mock import patch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib

MARKER = "BENCH-APPROVAL-V1"
N_PRODUCTS = 500
N_RULES = 20
CASES = ("plain Odoo", "no rule", "20 rules, none match", "approved")


def parse_args():
    parser = benchlib.base_parser(__doc__)
    parser.add_argument("--runs", type=int, default=7)
    return parser.parse_args()


def generate(env):
    """Dealer, products, users and rules (committed once)."""
    from odoo import Command

    Partner = env["res.partner"].with_context(tracking_disable=True)
    dealer = Partner.search([("ref", "=", MARKER)], limit=1)
    Rule = env["b2b.approval.rule"].with_context(active_test=False)
    if dealer:
        return dealer, Rule.search([("name", "=like", f"{MARKER}%")], order="id")
    start = time.perf_counter()
    dealer = Partner.with_context(b2b_import_state=True).create(
        {
            "name": "Bench Approval Dealer",
            "ref": MARKER,
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_dealer_code": MARKER,
            "b2b_state": "approved",
        }
    )
    env["product.product"].create(
        [
            {
                "name": f"Bench approval product {i}",
                "default_code": f"{MARKER}-{i}",
                "type": "consu",
                "list_price": 10.0 + i % 50,
                "taxes_id": [],
            }
            for i in range(N_PRODUCTS)
        ]
    )
    Users = env["res.users"].with_context(no_reset_password=True)
    groups = [Command.set([env.ref("sales_team.group_sale_manager").id])]
    Users.create(
        {"name": "Bench requester", "login": f"{MARKER}-req", "groups_id": groups}
    )
    reviewer = Users.create(
        {"name": "Bench reviewer", "login": f"{MARKER}-rev", "groups_id": groups}
    )
    model = env["ir.model"]._get("sale.order")

    def rule(name, domain):
        return {
            "name": name,
            "model_id": model.id,
            "scope": "seller",
            "domain": domain,
            "auto_transition": False,
            "step_ids": [
                Command.create(
                    {
                        "name": "Review",
                        "approver_type": "user",
                        "user_ids": [Command.set(reviewer.ids)],
                    }
                )
            ],
        }

    rules = Rule.create(
        [
            rule(f"{MARKER} never {i:02d}", "[('amount_untaxed', '>', 1e12)]")
            for i in range(N_RULES)
        ]
        + [rule(f"{MARKER} always", "[('amount_untaxed', '>=', 0)]")]
    )
    env.cr.commit()
    print(f"dataset generated in {time.perf_counter() - start:.1f}s")
    return dealer, rules


def quotation(env, dealer, lines):
    from odoo import Command

    products = env["product.product"].search(
        [("default_code", "=like", f"{MARKER}-%")], limit=lines, order="id"
    )
    return (
        env["sale.order"]
        .with_context(tracking_disable=True)
        .create(
            {
                "partner_id": dealer.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 1 + i % 7})
                    for i, p in enumerate(products)
                ],
            }
        )
    )


def set_rules(env, rules, case):
    """Activate the rules of ``case`` and warm the rule cache."""
    never, always = rules[:-1], rules[-1:]
    active = {
        "plain Odoo": rules.browse(),
        "no rule": rules.browse(),
        "20 rules, none match": never,
        "approved": never | always,
    }[case]
    (rules - active).filtered("active").write({"active": False})
    active.filtered(lambda r: not r.active).write({"active": True})
    Rule = env["b2b.approval.rule"]
    for scope in ("seller", "dealer"):
        Rule._b2b_get_rule_ids("sale.order", scope)


def confirm_once(env, dealer, rules, lines, case):
    """Time and queries of confirming a fresh quotation (rolled back)."""
    from odoo.addons.b2b_approval_sale.models.sale_order import SaleOrder

    env.cr.execute("SAVEPOINT bench_approval")
    set_rules(env, rules, case)
    order = quotation(env, dealer, lines)
    if case == "approved":
        requester = env["res.users"].search([("login", "=", f"{MARKER}-req")])
        reviewer = env["res.users"].search([("login", "=", f"{MARKER}-rev")])
        request = order._b2b_approval_request("seller", requester=requester)
        request.with_user(reviewer).action_approve()
        assert request.state == "approved", request.state
    env.flush_all()
    env.invalidate_all()
    order.mapped("name")
    count = env.cr.sql_log_count
    start = time.perf_counter()
    if case == "plain Odoo":
        with patch.object(
            SaleOrder,
            "_b2b_approval_submit",
            lambda self, requester=None: self.browse(),
        ):
            order.action_confirm()
            env.flush_all()
    else:
        order.action_confirm()
        env.flush_all()
    elapsed = (time.perf_counter() - start) * 1000.0
    queries = env.cr.sql_log_count - count
    assert order.state == "sale", (case, order.state)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_approval")
    env.invalidate_all()
    env.registry.clear_cache()
    return elapsed, queries


def measure(env, dealer, rules, lines, runs):
    results = {case: ([], []) for case in CASES}
    for run in range(runs + 1):  # the first round warms up
        shift = run % len(CASES)
        for case in CASES[shift:] + CASES[:shift]:
            elapsed, queries = confirm_once(env, dealer, rules, lines, case)
            if run:
                results[case][0].append(elapsed)
                results[case][1].append(queries)
    return {
        case: (statistics.median(times), int(statistics.median(queries)))
        for case, (times, queries) in results.items()
    }


def main():
    args = parse_args()
    benchlib.ensure_database(args, ["b2b_approval", "b2b_approval_sale"])
    from odoo import SUPERUSER_ID, api

    registry = benchlib.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        dealer, rules = generate(env)
        results = {
            lines: measure(env, dealer, rules, lines, args.runs) for lines in (20, 500)
        }
        cr.rollback()
    print(f"\nconfirmation (action_confirm + flush), median of {args.runs} runs")
    print(f"{'lines':>6} {'case':24} {'ms':>9} {'+%':>7} {'queries':>8} {'+q':>4}")
    for lines, measured in results.items():
        plain_ms, plain_q = measured["plain Odoo"]
        for case, (ms, queries) in measured.items():
            print(
                f"{lines:6d} {case:24} {ms:9.1f} "
                f"{100.0 * (ms - plain_ms) / plain_ms:7.1f} {queries:8d} "
                f"{queries - plain_q:4d}"
            )


if __name__ == "__main__":
    main()
