"""The demo database shows every feature of the suite.

`make run` installs b2b_suite with demo data. This test does the same on a
copy of the demo template (one Odoo process, Chinese loaded as `make run`
does), fails on any warning or error in the log, upgrades the suite (the
demo story must not be created twice, nor break the upgrade), then reads the
database through one Odoo shell script that prints the facts as JSON:
the catalogue of data/products.csv, tier pricelists and their breaks, credit
limits, a hold and a dealer over its limit, approval rules of both sides,
orders in every state with their deliveries, invoices and payments, dealer
A's statement with ageing, saved lists, the integration user, and the
portal's quick order preview of data/order.csv.
"""

import csv
import json
import re
import uuid

import pytest

from tests.conftest import ROOT, clone_db, drop_db, odoo_cmd, run

LOG_PROBLEM = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ", re.M
)
MARK = "B2B_DEMO_FACTS="

#: the orders of the demo story (b2b_suite.sale_order_demo_<key>) and the
#: state each one shows: (sale order state, approval, delivery, invoice)
EXPECTED_ORDERS = {
    "a_draft": ("draft", None, None, None),
    "b_draft": ("draft", None, None, None),
    "a_waiting_dealer": ("draft", "dealer:pending", None, None),
    "b_waiting_dealer": ("draft", "dealer:pending", None, None),
    "a_waiting_seller": ("draft", "seller:pending", None, None),
    "a_rejected": ("draft", "dealer:rejected", None, None),
    "a_rejected_seller": ("draft", "seller:rejected", None, None),
    "b_refused": ("draft", None, None, None),
    "a_confirmed": ("sale", "seller:approved", "open", None),
    "b_confirmed": ("sale", None, "open", None),
    "b_over_limit": ("sale", "dealer:approved", "open", None),
    # invoiced at dealer A's request (b2b_invoice_request's demo: issued)
    "a_delivered": ("sale", None, "done", "not_paid"),
    "b_delivered": ("sale", None, "done", None),
    "a_invoiced_overdue": ("sale", None, "done", "not_paid"),
    "a_invoiced_partial": ("sale", None, "done", "partial"),
    "b_invoiced": ("sale", None, "done", "not_paid"),
    "a_paid": ("sale", None, "done", "paid"),
    "b_paid": ("sale", None, "done", "paid"),
    "a_cancelled": ("cancel", None, None, None),
    "b_cancelled": ("cancel", None, None, None),
}

FACTS_SCRIPT = r"""
import json
from datetime import timedelta

from odoo import Command, fields

ref = env.ref
today = fields.Date.context_today(env.user)
company = ref("base.main_company")
facts = {}

# labels of selections of the suite left without their Chinese translation
env.cr.execute(
    "SELECT d.module || '.' || d.name FROM ir_model_data d"
    " JOIN ir_model_fields_selection s ON s.id = d.res_id"
    " WHERE d.model = 'ir.model.fields.selection' AND d.module LIKE 'b2b%'"
    " AND s.name->>'zh_CN' IS NULL"
)
facts["untranslated_selections"] = sorted(row[0] for row in env.cr.fetchall())

products = env["product.product"].search([("default_code", "in", SKUS)])
facts["products"] = {
    p.default_code: {
        "name": p.name,
        "category": p.categ_id.complete_name,
        "list_price": p.list_price,
        "barcode": p.barcode,
        "qty_available": p.qty_available,
        "sale_ok": p.sale_ok,
    }
    for p in products
}

tiers = env["b2b.dealer.tier"].search([])
facts["tier_pricelists"] = {
    t.code: {
        "pricelist": t.pricelist_id.name or False,
        "scopes": sorted(
            set(
                f"{i.b2b_qty_scope}:{i.applied_on}"
                for i in t.pricelist_id.item_ids
                if i.min_quantity
            )
        ),
    }
    for t in tiers
}
dealer_a = ref("b2b_base.res_partner_dealer_a")
dealer_b = ref("b2b_base.res_partner_dealer_b")
dealer_c = ref("b2b_base.res_partner_dealer_c")
facts["dealer_a_pricelist"] = dealer_a.property_product_pricelist.name

# a new quotation of dealer A: 24 bottles reach the product break, 18 do not
bottle = products.filtered(lambda p: p.default_code == "BTL-500")
quote = env["sale.order"].create(
    {
        "partner_id": dealer_a.id,
        "order_line": [
            Command.create({"product_id": bottle.id, "product_uom_qty": 24}),
        ],
    }
)
line = quote.order_line
facts["break_24"] = [line.price_unit, line.b2b_price_source]
line.product_uom_qty = 18
facts["break_18"] = [line.price_unit, line.b2b_price_source]

def credit(dealer, amount=100.0):
    info = dealer._b2b_credit_info(company)
    decision = dealer._b2b_credit_evaluate(
        "order", company, amount, dealer._b2b_credit_exposure(company)
    )
    return {
        "limit": info["limit"],
        "exposure": info["exposure"],
        "overdue": info["overdue"],
        "on_hold": info["on_hold"],
        "hold_type": info["hold_type"],
        "decision": decision["result"],
        "reasons": decision["reasons"],
    }

facts["credit"] = {"a": credit(dealer_a), "b": credit(dealer_b), "c": credit(dealer_c)}
facts["policy_order"] = company.b2b_credit_policy_order

rules = env["b2b.approval.rule"].search([])
facts["approval_rules"] = sorted(
    f"{r.model_name}:{r.scope}:{r.step_ids[:1].approver_type}" for r in rules
)
facts["temp_increase_a"] = dealer_a.b2b_credit_temp_increase

orders = {}
for imd in env["ir.model.data"].search(
    [("module", "=", "b2b_suite"), ("model", "=", "sale.order")]
):
    order = env["sale.order"].browse(imd.res_id)
    requests = order._b2b_approval_requests()
    pickings = order.picking_ids
    invoices = order.invoice_ids.filtered(lambda m: m.state == "posted")
    orders[imd.name.removeprefix("sale_order_demo_")] = {
        "dealer": order.partner_id.commercial_partner_id.b2b_dealer_code,
        "state": order.state,
        "approval": f"{requests[0].scope}:{requests[0].state}" if requests else None,
        "delivery": (
            None
            if not pickings
            else "done" if all(p.state == "done" for p in pickings) else "open"
        ),
        "invoice": invoices[:1].payment_state or None,
        "overdue": any(
            i.invoice_date_due < today and i.amount_residual > 0 for i in invoices
        ),
        "reconciled": bool(invoices._get_reconciled_payments()),
        "buyer_status": order.b2b_buyer_status,
    }
facts["orders"] = orders
facts["ship_to_a"] = {
    "default": dealer_a.b2b_delivery_address_id.name,
    "choices": sorted(
        env["sale.order"]
        .search([("partner_id", "child_of", dealer_a.id)], limit=1)
        ._b2b_buyer_delivery_addresses()
        .mapped("name")
    ),
    "orders": sorted(
        {o.partner_shipping_id.name for o in env["sale.order"].search(
            [("partner_id", "child_of", dealer_a.id)]
        )}
    ),
}
facts["counts"] = {
    "sale_order": env["sale.order"].search_count([]),
    "account_move": env["account.move"].search_count([]),
    "b2b_order_list": env["b2b.order.list"].search_count([]),
}

statement = dealer_a._b2b_credit_statement(today - timedelta(days=90), today, company)
facts["statement_a"] = {
    "lines": len(statement["lines"]),
    "ageing": {b["key"]: b["amount"] for b in statement["ageing"]},
}

lists = env["b2b.order.list"].search([("dealer_id", "=", dealer_a.id)])
facts["lists_a"] = [[l.name, l.shared, l.line_count, l.user_id.login] for l in lists]

integration = ref("b2b_api.res_users_dealer_a_integration")
facts["integration"] = [
    integration.b2b_api_integration,
    integration.b2b_api_dealer_ids.ids == dealer_a.ids,
]

purchaser = ref("b2b_base.res_users_dealer_a_purchaser")
quick = env["b2b.quick.order"].with_user(purchaser)
rows = quick._b2b_rows_from_file("order.csv", ORDER_CSV)
validation = quick._b2b_validate(rows)
facts["quick_order"] = {
    "rows": len(rows),
    "valid": validation["valid"],
    "invalid": validation["invalid"],
    "errors": [e["error"] for e in validation["entries"] if e["error"]],
}
env.cr.rollback()
print(MARK + json.dumps(facts, default=str))
"""


def _problems(output):
    return [line for line in output.splitlines() if LOG_PROBLEM.match(line)]


def _odoo(odoo_env, db, *args, stdin=None):
    cmd = [*odoo_cmd(odoo_env, db, *args), "--log-level=warn", "--no-http"]
    if args[0] != "shell":
        cmd.append("--stop-after-init")
    return run(cmd, input=stdin)


@pytest.fixture(scope="module")
def demo_db(odoo_env):
    db = f"b2b_demo_{uuid.uuid4().hex[:8]}"
    clone_db(odoo_env, odoo_env["demo_template_db"], db)
    yield db
    drop_db(odoo_env, db)


@pytest.fixture(scope="module")
def demo_facts(odoo_env, demo_db):
    """Install b2b_suite with demo data as `make run` does, upgrade it, read
    the facts (install and upgrade logs must be clean)."""
    res = _odoo(odoo_env, demo_db, "-i", "b2b_suite", "--load-language=zh_CN")
    assert res.returncode == 0, res.stdout + res.stderr
    assert _problems(res.stdout + res.stderr) == []
    installed = _read_facts(odoo_env, demo_db)

    res = _odoo(odoo_env, demo_db, "-u", "b2b_base")  # every suite module
    assert res.returncode == 0, res.stdout + res.stderr
    assert _problems(res.stdout + res.stderr) == []
    upgraded = _read_facts(odoo_env, demo_db)
    return installed, upgraded


def _read_facts(odoo_env, db):
    skus = [row["default_code"] for row in _products_csv()]
    script = (
        f"SKUS = {skus!r}\n"
        f"ORDER_CSV = {(ROOT / 'data' / 'order.csv').read_bytes()!r}\n"
        f"MARK = {MARK!r}\n" + FACTS_SCRIPT
    )
    res = _odoo(odoo_env, db, "shell", stdin=script)
    assert res.returncode == 0, res.stdout + res.stderr
    assert _problems(res.stdout + res.stderr) == []
    found = [line for line in res.stdout.splitlines() if line.startswith(MARK)]
    assert found, res.stdout + res.stderr
    return json.loads(found[-1][len(MARK) :])


def _products_csv():
    with open(ROOT / "data" / "products.csv", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_demo_upgrade_keeps_the_story(demo_facts):
    installed, upgraded = demo_facts
    assert upgraded["counts"] == installed["counts"]
    assert upgraded["orders"] == installed["orders"]


def test_demo_catalogue(demo_facts):
    facts, _upgraded = demo_facts
    products = facts["products"]
    for row in _products_csv():
        product = products.get(row["default_code"])
        assert product, f"{row['default_code']} is not in the demo catalogue"
        assert product["name"] == row["name"]
        assert product["category"] == row["categ_id"]
        assert product["list_price"] == float(row["list_price"])
        assert product["barcode"] == row["barcode"]
        assert product["sale_ok"]
    with open(ROOT / "data" / "order.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            assert products[row["sku"]]["qty_available"] >= float(row["quantity"])


def test_demo_tier_pricelists_and_breaks(demo_facts):
    facts, _upgraded = demo_facts
    pricelists = facts["tier_pricelists"]
    assert set(pricelists) >= {"STD", "SLV", "GLD", "STR"}
    assert all(p["pricelist"] and p["scopes"] for p in pricelists.values())
    scopes = {s for p in pricelists.values() for s in p["scopes"]}
    assert {"line:1_product", "category:2_product_category", "order:3_global"} <= (
        scopes
    )
    assert facts["dealer_a_pricelist"] == pricelists["GLD"]["pricelist"]
    assert facts["break_24"] == [95.0, "break"]
    assert facts["break_18"][1] == "tier" and facts["break_18"][0] > 95.0


def test_demo_credit(demo_facts):
    facts, _upgraded = demo_facts
    assert facts["policy_order"] == "block"
    credit = facts["credit"]
    # dealer A may order; its limit is raised for the season
    assert facts["temp_increase_a"] > 0
    assert credit["a"]["limit"] > credit["a"]["exposure"] > 0
    assert credit["a"]["decision"] == "pass"
    # dealer B is over its limit: a new order is refused
    assert credit["b"]["exposure"] > credit["b"]["limit"] > 0
    assert not credit["b"]["on_hold"]
    assert credit["b"]["decision"] == "block"
    assert credit["b"]["reasons"] == ["limit"]
    # dealer C has invoices overdue beyond its grace: automatic hold
    assert credit["c"]["on_hold"] and credit["c"]["hold_type"] == "auto"
    assert credit["c"]["overdue"] > 0
    assert credit["c"]["decision"] == "block"


def test_demo_approval_rules(demo_facts):
    facts, _upgraded = demo_facts
    rules = facts["approval_rules"]
    assert "sale.order:dealer:role" in rules  # the dealer's approver, finance
    assert "sale.order:seller:user" in rules  # the dealer manager
    assert "account.move:seller:group" in rules  # credit notes: finance


def test_demo_orders_in_every_state(demo_facts):
    facts, _upgraded = demo_facts
    orders = facts["orders"]
    assert set(orders) >= set(EXPECTED_ORDERS)
    for key, expected in EXPECTED_ORDERS.items():
        order = orders[key]
        got = (order["state"], order["approval"], order["delivery"], order["invoice"])
        assert got == expected, key
        assert order["dealer"] == {"a": "SH-001", "b": "GZ-002"}[key[0]]
    # one status a buyer understands, refusals included
    assert orders["b_refused"]["buyer_status"] == "refused"
    assert orders["a_rejected"]["buyer_status"] == "rejected"
    assert orders["a_rejected_seller"]["buyer_status"] == "rejected_seller"
    assert orders["a_waiting_seller"]["buyer_status"] == "waiting_seller"
    assert orders["b_waiting_dealer"]["buyer_status"] == "waiting_dealer"
    assert orders["a_paid"]["buyer_status"] == "invoiced"
    assert orders["a_invoiced_overdue"]["overdue"]
    assert not orders["b_invoiced"]["overdue"]
    for key in ("a_paid", "b_paid", "a_invoiced_partial"):
        assert orders[key]["reconciled"], key


def test_demo_ship_to_choice(demo_facts):
    """Dealer A has two warehouses to ship to, one its default: the buyer
    has a real choice on the order page, and the demo orders go to it."""
    facts, _upgraded = demo_facts
    ship_to = facts["ship_to_a"]
    assert ship_to["default"] == "浦东仓 (Pudong Warehouse)"
    assert {"浦东仓 (Pudong Warehouse)", "昆山仓 (Kunshan Warehouse)"} <= set(
        ship_to["choices"]
    )
    assert ship_to["orders"] == ["浦东仓 (Pudong Warehouse)"]


def test_demo_statement_ageing(demo_facts):
    facts, _upgraded = demo_facts
    statement = facts["statement_a"]
    assert statement["lines"] >= 5
    assert statement["ageing"]["current"] > 0
    assert statement["ageing"]["1_30"] > 0


def test_demo_saved_lists_and_integration_user(demo_facts):
    facts, _upgraded = demo_facts
    lists = facts["lists_a"]
    assert len(lists) >= 2
    assert any(shared for _name, shared, _count, _login in lists)
    assert all(count > 0 for _name, _shared, count, _login in lists)
    assert facts["integration"] == [True, True]


def test_demo_quick_order_upload(demo_facts):
    facts, _upgraded = demo_facts
    assert facts["quick_order"] == {"rows": 5, "valid": 5, "invalid": 0, "errors": []}


def test_demo_selection_labels_in_chinese(demo_facts):
    """The labels of the suite's selections are in Chinese after the install
    of `make run`, including those a glue module's mixin gives a document
    (the approval state shown on the backend order: Odoo leaves a mixin's
    labels made after its module's catalogue was loaded in English)."""
    installed, upgraded = demo_facts
    assert installed["untranslated_selections"] == []
    assert upgraded["untranslated_selections"] == []
