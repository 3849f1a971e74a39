"""The integrator API (b2b_api) as integrators see it: a 4-worker server,
XML-RPC and JSON-RPC, integration users authenticated by API keys.

- every operation over both transports;
- bad input -> structured errors (code, message, line), nothing created;
- 100 identical concurrent submits -> exactly one order, every answer
  carries its id;
- a dealer's integration user cannot read or write another dealer's data;
- the rate limit holds across the worker processes.
"""

import json
import re
import threading
import time
import xmlrpc.client

import pytest
import requests

from tests.live.conftest import RpcError

# Odoo's prefork server listens with a backlog of 8 x workers (32): at most
# this many requests hold a connection at once (see test_credit_concurrency).
MAX_OPEN_CONNECTIONS = 28
TRANSPORTS = ("xmlrpc", "jsonrpc")


def _id(result):
    return result[0] if isinstance(result, list) else result


def _xmlid(s, module, name):
    [row] = s.admin(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        ["res_id"],
    )
    return row["res_id"]


class Client:
    """An integrator: login + API key, calls b2b.api over one transport."""

    def __init__(self, server, login, key, transport):
        self.s = server
        self.login = login
        self.key = key
        self.transport = transport
        if transport == "xmlrpc":
            self.uid = server.xmlrpc_common().authenticate(server.db, login, key, {})
        else:
            self.uid = server.jsonrpc("common", "login", server.db, login, key)
        assert self.uid, f"{login} cannot authenticate with its API key"

    def __call__(self, op, payload=None):
        args = [payload] if payload is not None else []
        if self.transport == "xmlrpc":
            return self.s.xmlrpc_object().execute_kw(
                self.s.db, self.uid, self.key, "b2b.api", op, args, {}
            )
        return self.s.jsonrpc(
            "object",
            "execute_kw",
            self.s.db,
            self.uid,
            self.key,
            "b2b.api",
            op,
            args,
            {},
        )

    def raw(self, model, method, *args):
        """Plain ORM RPC as this user (to show what the API does not open)."""
        if self.transport == "xmlrpc":
            return self.s.xmlrpc_object().execute_kw(
                self.s.db, self.uid, self.key, model, method, list(args), {}
            )
        return self.s.jsonrpc(
            "object",
            "execute_kw",
            self.s.db,
            self.uid,
            self.key,
            model,
            method,
            list(args),
            {},
        )


@pytest.fixture(scope="module")
def api_world(live_server):
    s = live_server
    tag = s.unique("api")
    tier = _id(s.admin("b2b.dealer.tier", "create", [{"name": tag, "code": tag}]))
    dealers = s.admin(
        "res.partner",
        "create",
        [
            {
                "name": f"API Dealer {name} {tag}",
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_state": "approved",
                "b2b_tier_id": tier,
                "b2b_dealer_code": f"{name}-{tag}",
            }
            for name in ("A", "B")
        ],
        context={"b2b_import_state": True},
    )
    dealer_a, dealer_b = dealers
    ship_a, ship_b, contact_a, contact_b, contact_r, contact_l = s.admin(
        "res.partner",
        "create",
        [
            {"name": "A depot", "type": "delivery", "parent_id": dealer_a},
            {"name": "B depot", "type": "delivery", "parent_id": dealer_b},
            {"name": f"ERP A {tag}", "parent_id": dealer_a},
            {"name": f"ERP B {tag}", "parent_id": dealer_b},
            {"name": f"ERP race {tag}", "parent_id": dealer_a},
            {"name": f"ERP limited {tag}", "parent_id": dealer_a},
        ],
    )
    products = s.admin(
        "product.product",
        "create",
        [
            {
                "name": f"API pump {tag}",
                "default_code": f"PUMP-{tag}",
                "type": "consu",
                "is_storable": True,
                "list_price": 100.0,
                "taxes_id": [(6, 0, [])],
            },
            {
                "name": f"API valve {tag}",
                "default_code": f"VALVE-{tag}",
                "type": "consu",
                "list_price": 10.0,
                "taxes_id": [(6, 0, [])],
            },
        ],
    )
    [warehouse] = s.admin(
        "stock.warehouse", "search_read", [], ["lot_stock_id", "code"], limit=1
    )
    [pump_tmpl] = s.admin("product.product", "read", [products[0]], ["product_tmpl_id"])
    wizard = _id(
        s.admin(
            "stock.change.product.qty",
            "create",
            [
                {
                    "product_id": products[0],
                    "product_tmpl_id": pump_tmpl["product_tmpl_id"][0],
                    "new_quantity": 37,
                }
            ],
        )
    )
    s.admin("stock.change.product.qty", "change_product_qty", [wizard])
    portal = _xmlid(s, "base", "group_portal")
    integration = _xmlid(s, "b2b_api", "b2b_api_group_integration")

    def user(name, contact, dealer_ids, rate_limit=0):
        uid = _id(
            s.admin(
                "res.users",
                "create",
                [
                    {
                        "name": f"{name} {tag}",
                        "login": f"{name}-{tag}",
                        "partner_id": contact,
                        "groups_id": [(6, 0, [portal, integration])],
                        "b2b_api_dealer_ids": [(6, 0, dealer_ids)],
                        "b2b_api_rate_limit": rate_limit,
                    }
                ],
            )
        )
        action = s.admin("res.users", "action_b2b_api_generate_key", [uid])
        return f"{name}-{tag}", action["context"]["default_key"]

    return {
        "tag": tag,
        "dealer_a": dealer_a,
        "dealer_b": dealer_b,
        "ship_a": ship_a,
        "ship_b": ship_b,
        "pump": products[0],
        "valve": products[1],
        "sku": f"PUMP-{tag}",
        "sku_valve": f"VALVE-{tag}",
        "warehouse": warehouse["code"],
        "user_a": user("erp-a", contact_a, [dealer_a], rate_limit=100000),
        "user_b": user("erp-b", contact_b, [dealer_b], rate_limit=100000),
        "user_race": user("erp-race", contact_r, [dealer_a], rate_limit=100000),
        "user_limited": user("erp-limited", contact_l, [dealer_a], rate_limit=10),
    }


def _client(s, world, name, transport):
    login, key = world[name]
    return Client(s, login, key, transport)


def _orders(s, dealer):
    return s.admin("sale.order", "search_count", [("partner_id", "child_of", dealer)])


# ---------------------------------------------------------------------------
# Every operation
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_every_operation(live_server, api_world, transport):
    s, w = live_server, api_world
    api = _client(s, w, "user_a", transport)

    prices = api("price_lines", {"lines": [{"sku": w["sku"], "quantity": 4}]})
    assert prices["ok"], prices
    assert prices["lines"][0]["price_unit"] == 100.0

    credit = api("dealer_credit", {"dealer": w["dealer_a"]})
    assert credit["ok"], credit
    assert credit["dealer_id"] == w["dealer_a"]
    assert credit["on_hold"] is False

    stock = api(
        "product_availability",
        {"skus": [w["sku"], w["sku_valve"]], "warehouses": [w["warehouse"]]},
    )
    assert stock["ok"], stock
    pump, valve = stock["lines"]
    [pump_wh] = pump["warehouses"]
    assert pump_wh["on_hand"] == 37.0
    assert pump["available"] == 37.0 - pump_wh["reserved"]
    assert valve["available"] == 0.0

    addresses = api("dealer_addresses", {})
    assert w["ship_a"] in [a["id"] for a in addresses["addresses"]]

    before = _orders(s, w["dealer_a"])
    order = api(
        "submit_order",
        {
            "idempotency_key": s.unique("op"),
            "client_reference": f"PO-{transport}-{w['tag']}",
            "delivery_address_id": w["ship_a"],
            "requested_date": "2099-06-30",
            "lines": [
                {"sku": w["sku"], "quantity": 2},
                {"product_id": w["valve"], "quantity": 3},
            ],
        },
    )
    assert order["ok"], order
    assert order["state"] == "sale"
    assert order["amount_total"] == 230.0
    assert _orders(s, w["dealer_a"]) == before + 1

    status = api("order_status", {"order_id": order["order_id"]})
    assert status["ok"], status
    assert status["name"] == order["name"]
    assert len(status["deliveries"]) == 1
    assert status["deliveries"][0]["state"] in ("assigned", "confirmed", "waiting")
    assert status["invoices"] == []
    by_ref = api("order_status", {"client_reference": f"PO-{transport}-{w['tag']}"})
    assert by_ref["order_id"] == order["order_id"]

    # an invoice posted by the seller shows up with its amount due
    invoice = s.admin(
        "sale.advance.payment.inv",
        "create",
        [{"advance_payment_method": "delivered"}],
        context={"active_model": "sale.order", "active_ids": [order["order_id"]]},
    )
    # over JSON-RPC: the returned action holds nulls, which XML-RPC refuses
    s.jsonrpc_execute(
        s.admin_login,
        s.admin_password,
        "sale.advance.payment.inv",
        "create_invoices",
        [_id(invoice)],
        context={"active_model": "sale.order", "active_ids": [order["order_id"]]},
    )
    move_ids = s.admin(
        "account.move", "search", [("invoice_origin", "=", order["name"])]
    )
    s.admin("account.move", "action_post", move_ids)
    status = api("order_status", {"order_id": order["order_id"]})
    assert [i["id"] for i in status["invoices"]] == move_ids
    assert status["invoices"][0]["amount_due"] == 230.0
    invoices = api("open_invoices", {})
    assert invoices["ok"], invoices
    assert move_ids[0] in [i["id"] for i in invoices["invoices"]]

    quote = api(
        "submit_order",
        {
            "idempotency_key": s.unique("q"),
            "confirm": False,
            "lines": [{"sku": w["sku"], "quantity": 1}],
        },
    )
    assert quote["ok"] and quote["state"] == "draft", quote
    cancelled = api("cancel_order", {"order_id": quote["order_id"]})
    assert cancelled["ok"] and cancelled["state"] == "cancel", cancelled
    refused = api("cancel_order", {"order_id": order["order_id"]})
    assert [e["code"] for e in refused["errors"]] == ["NOT_CANCELLABLE"]


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------
def _bad_cases(w):
    good = {"sku": w["sku"], "quantity": 1}
    return {
        "unknown_sku": (
            {"lines": [good, {"sku": "NO-SUCH-SKU", "quantity": 1}]},
            [("UNKNOWN_SKU", 1)],
        ),
        "zero_qty": (
            {"lines": [{"sku": w["sku"], "quantity": 0}]},
            [("INVALID_QUANTITY", 0)],
        ),
        "negative_qty": (
            {"lines": [good, good, {"sku": w["sku"], "quantity": -5}]},
            [("INVALID_QUANTITY", 2)],
        ),
        "string_qty": (
            {"lines": [{"sku": w["sku"], "quantity": "5"}]},
            [("INVALID_TYPE", 0)],
        ),
        "string_product_id": (
            {"lines": [{"product_id": str(w["pump"]), "quantity": 1}]},
            [("INVALID_TYPE", 0)],
        ),
        "lines_not_list": ({"lines": "PUMP x 2"}, [("INVALID_TYPE", None)]),
        "line_not_dict": ({"lines": [good, [w["sku"], 1]]}, [("INVALID_TYPE", 1)]),
        "missing_quantity": ({"lines": [{"sku": w["sku"]}]}, [("MISSING_FIELD", 0)]),
        "missing_product": ({"lines": [{"quantity": 1}]}, [("MISSING_FIELD", 0)]),
        "missing_lines": ({}, [("MISSING_FIELD", None)]),
        "unknown_field": (
            {"lines": [good], "price_override": 1},
            [("UNKNOWN_FIELD", None)],
        ),
        "huge_payload": ({"lines": [good] * 10000}, [("PAYLOAD_TOO_LARGE", None)]),
        "bad_date": (
            {"lines": [good], "requested_date": "31/12/2099"},
            [("INVALID_DATE", None)],
        ),
        "other_dealer": (
            {"lines": [good], "dealer": w["dealer_b"]},
            [("FORBIDDEN_DEALER", None)],
        ),
        "other_dealer_code": (
            {"lines": [good], "dealer": f"B-{w['tag']}"},
            [("FORBIDDEN_DEALER", None)],
        ),
        "other_dealer_address": (
            {"lines": [good], "delivery_address_id": w["ship_b"]},
            [("INVALID_ADDRESS", None)],
        ),
        "several_problems": (
            {
                "lines": [
                    {"sku": "NOPE", "quantity": 1},
                    good,
                    {"sku": w["sku"], "quantity": "1"},
                    {"product_id": w["pump"], "quantity": -1},
                ],
                "requested_date": "1999-01-01",
            },
            [
                ("UNKNOWN_SKU", 0),
                ("INVALID_TYPE", 2),
                ("INVALID_QUANTITY", 3),
                ("INVALID_DATE", None),
            ],
        ),
    }


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_bad_input_is_refused_and_creates_nothing(live_server, api_world, transport):
    s, w = live_server, api_world
    api = _client(s, w, "user_a", transport)
    before_a, before_b = _orders(s, w["dealer_a"]), _orders(s, w["dealer_b"])
    for name, (payload, expected) in _bad_cases(w).items():
        payload = {"idempotency_key": s.unique(name), **payload}
        if name == "missing_lines":
            payload = {"idempotency_key": payload["idempotency_key"]}
        started = time.monotonic()
        result = api("submit_order", payload)
        elapsed = time.monotonic() - started
        assert result["ok"] is False, (name, result)
        got = sorted((e["code"], e.get("line", -1)) for e in result["errors"])
        want = sorted((c, -1 if line is None else line) for c, line in expected)
        assert got == want, (name, result)
        for error in result["errors"]:
            assert error["message"], (name, error)
            assert "Traceback" not in error["message"]
            assert f"API Dealer B {w['tag']}" not in error["message"]
        if name == "huge_payload":
            assert elapsed < 10, f"10,000 lines took {elapsed:.1f}s"
    # the payload itself is not a dict
    result = api("submit_order", "not a dict")
    assert result["errors"][0]["code"] == "INVALID_PAYLOAD"
    assert _orders(s, w["dealer_a"]) == before_a
    assert _orders(s, w["dealer_b"]) == before_b
    # refused submissions keep nothing under their keys
    tag_keys = s.admin(
        "b2b.api.idempotency",
        "search_count",
        [("user_id.login", "=", w["user_a"][0]), ("order_id", "=", False)],
    )
    assert tag_keys == 0


def test_wrong_api_key_is_refused(live_server, api_world):
    s, w = live_server, api_world
    login, _key = w["user_a"]
    assert not s.xmlrpc_common().authenticate(s.db, login, "0" * 40, {})
    with pytest.raises(xmlrpc.client.Fault):
        s.xmlrpc_object().execute_kw(
            s.db, 2, "0" * 40, "b2b.api", "dealer_credit", [{}], {}
        )


# ---------------------------------------------------------------------------
# Idempotency race
# ---------------------------------------------------------------------------
def test_concurrent_identical_submits_create_one_order(live_server, api_world):
    s, w = live_server, api_world
    count = 100
    reference = s.unique("race")
    payload = {
        "idempotency_key": reference,
        "client_reference": reference,
        "lines": [
            {"sku": w["sku"], "quantity": 1},
            {"sku": w["sku_valve"], "quantity": 2},
        ],
    }
    clients = {t: _client(s, w, "user_race", t) for t in TRANSPORTS}
    barrier = threading.Barrier(count)
    gate = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    outcomes = [None] * count

    def submit(index):
        client = clients[TRANSPORTS[index % 2]]
        barrier.wait()
        try:
            with gate:
                outcomes[index] = ("ok", client("submit_order", payload))
        except (xmlrpc.client.Error, RpcError) as exc:
            outcomes[index] = ("error", str(exc))
        except Exception as exc:
            outcomes[index] = ("error", repr(exc))

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not any(thread.is_alive() for thread in threads), "submits hang"

    errors = [o for o in outcomes if o[0] != "ok"]
    assert not errors, f"{len(errors)} calls failed, e.g. {errors[:3]}"
    results = [o[1] for o in outcomes]
    assert all(r["ok"] for r in results), [r for r in results if not r["ok"]][:3]
    order_ids = {r["order_id"] for r in results}
    assert len(order_ids) == 1, order_ids
    assert sum(1 for r in results if not r["replayed"]) == 1
    orders = s.admin(
        "sale.order", "search_read", [("client_order_ref", "=", reference)], ["id"]
    )
    assert [o["id"] for o in orders] == list(order_ids)


# ---------------------------------------------------------------------------
# Another dealer's data
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_dealer_user_cannot_reach_another_dealer(live_server, api_world, transport):
    s, w = live_server, api_world
    api_a = _client(s, w, "user_a", transport)
    api_b = _client(s, w, "user_b", transport)
    order_b = api_b(
        "submit_order",
        {
            "idempotency_key": s.unique("b"),
            "confirm": False,
            "lines": [{"sku": w["sku"], "quantity": 1}],
        },
    )
    assert order_b["ok"], order_b
    before_b = _orders(s, w["dealer_b"])
    for dealer in (w["dealer_b"], f"B-{w['tag']}"):
        for op, extra in (
            ("dealer_credit", {}),
            ("open_invoices", {}),
            ("dealer_addresses", {}),
            ("price_lines", {"lines": [{"sku": w["sku"], "quantity": 1}]}),
            ("product_availability", {"skus": [w["sku"]]}),
            ("order_status", {"order_id": order_b["order_id"]}),
            ("cancel_order", {"order_id": order_b["order_id"]}),
            (
                "submit_order",
                {
                    "idempotency_key": s.unique("x"),
                    "lines": [{"sku": w["sku"], "quantity": 1}],
                },
            ),
        ):
            result = api_a(op, {"dealer": dealer, **extra})
            assert result["ok"] is False, (op, result)
            assert [e["code"] for e in result["errors"]] == ["FORBIDDEN_DEALER"]
    # B's order by id, under A's own dealer: not found, not cancelled
    for op in ("order_status", "cancel_order"):
        result = api_a(op, {"order_id": order_b["order_id"]})
        assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"], result
        assert f"API Dealer B {w['tag']}" not in str(result)
    [state] = s.admin("sale.order", "read", [order_b["order_id"]], ["state"])
    assert state["state"] == "draft"
    assert _orders(s, w["dealer_b"]) == before_b
    # the API does not widen plain ORM access either
    with pytest.raises((xmlrpc.client.Fault, RpcError)):
        api_a.raw("sale.order", "read", [order_b["order_id"]], ["name"])


# ---------------------------------------------------------------------------
# Rate limit across workers
# ---------------------------------------------------------------------------
def test_rate_limit_holds_across_workers(live_server, api_world):
    s, w = live_server, api_world
    limit, calls = 10, 40
    clients = {t: _client(s, w, "user_limited", t) for t in TRANSPORTS}
    barrier = threading.Barrier(calls)
    outcomes = [None] * calls

    def call(index):
        client = clients[TRANSPORTS[index % 2]]
        barrier.wait()
        try:
            outcomes[index] = client("dealer_credit", {})
        except Exception as exc:
            outcomes[index] = {"ok": None, "exc": repr(exc)}

    started = time.time()
    threads = [threading.Thread(target=call, args=(i,)) for i in range(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    windows = 1 + int(time.time() // 60 != started // 60)
    assert all(o["ok"] is not None for o in outcomes), outcomes
    ok = sum(1 for o in outcomes if o["ok"])
    limited = [o for o in outcomes if not o["ok"]]
    assert limit <= ok <= limit * windows, ok
    assert all(o["errors"][0]["code"] == "RATE_LIMITED" for o in limited)
    assert all(o["errors"][0]["retry_after"] > 0 for o in limited)
    # the counter is in the database: one row per user and window
    counters = s.admin(
        "b2b.api.rate",
        "search_read",
        [("user_id.login", "=", w["user_limited"][0])],
        ["count"],
    )
    assert sum(c["count"] for c in counters) >= calls


# ---------------------------------------------------------------------------
# JSON-only inputs and multi-company (found by the code review)
# ---------------------------------------------------------------------------
def test_jsonrpc_only_inputs_are_refused(live_server, api_world):
    """JSON can carry what XML cannot (NUL, lone surrogates, ids beyond 32
    bits): each is a structured error, never INTERNAL_ERROR, nothing made."""
    s, w = live_server, api_world
    api = _client(s, w, "user_a", "jsonrpc")
    before = _orders(s, w["dealer_a"])
    good = [{"sku": w["sku"], "quantity": 1}]
    for payload in (
        {"idempotency_key": "nul\x00key", "lines": good},
        {"idempotency_key": "surrogate-\ud800", "lines": good},
        {
            "idempotency_key": s.unique("nul"),
            "lines": [{"sku": "A\x00", "quantity": 1}],
        },
        {"idempotency_key": s.unique("nul"), "lines": good, "client_reference": "\x00"},
    ):
        result = api("submit_order", payload)
        assert [e["code"] for e in result["errors"]] == ["INVALID_PAYLOAD"], result
    for order_id in (2**31, 10**30, -(10**30)):
        result = api("order_status", {"order_id": order_id})
        assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"], result
    result = api(
        "submit_order",
        {
            "idempotency_key": s.unique("q"),
            "lines": [{"sku": w["sku"], "quantity": 0.001}],
        },
    )
    assert [e["code"] for e in result["errors"]] == ["INVALID_QUANTITY"], result
    assert _orders(s, w["dealer_a"]) == before


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_brand_user_stays_in_its_companies(live_server, api_world, transport):
    """A brand-side user linked to a dealer of a company it may not work in
    cannot act for that dealer (over RPC, without any company context)."""
    s, w = live_server, api_world
    tag = s.unique("mc")
    admin_uid = s.login(s.admin_login, s.admin_password)
    [main] = s.admin("res.users", "read", [admin_uid], ["company_id"])
    main_id = main["company_id"][0]
    other = _id(s.admin("res.company", "create", [{"name": f"API other {tag}"}]))
    [dealer_c] = s.admin(
        "res.partner",
        "create",
        [
            {
                "name": f"API Dealer C {tag}",
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_state": "approved",
                "b2b_dealer_code": f"C-{tag}",
                "company_id": other,
            }
        ],
        context={"b2b_import_state": True},
    )
    uid = _id(
        s.admin(
            "res.users",
            "create",
            [
                {
                    "name": f"Brand {tag}",
                    "login": f"brand-{tag}",
                    "company_id": main_id,
                    "company_ids": [(6, 0, [main_id])],
                    "groups_id": [
                        (
                            6,
                            0,
                            [
                                _xmlid(s, "base", "group_user"),
                                _xmlid(s, "b2b_api", "b2b_api_group_integration"),
                            ],
                        )
                    ],
                    "b2b_api_dealer_ids": [(6, 0, [w["dealer_a"], dealer_c])],
                    "b2b_api_rate_limit": 100000,
                }
            ],
        )
    )
    action = s.admin("res.users", "action_b2b_api_generate_key", [uid])
    api = Client(s, f"brand-{tag}", action["context"]["default_key"], transport)
    before = s.admin("sale.order", "search_count", [("company_id", "=", other)])
    for op, extra in (
        ("dealer_credit", {}),
        ("open_invoices", {}),
        (
            "submit_order",
            {
                "idempotency_key": s.unique("mc"),
                "lines": [{"sku": w["sku"], "quantity": 1}],
            },
        ),
    ):
        result = api(op, {"dealer": dealer_c, **extra})
        assert [e["code"] for e in result["errors"]] == ["FORBIDDEN_DEALER"], result
    assert s.admin("sale.order", "search_count", [("company_id", "=", other)]) == before
    assert api("dealer_credit", {"dealer": w["dealer_a"]})["ok"]


def test_no_server_error_logged(live_server, api_world):
    log = live_server.log_text()
    assert "b2b.api" not in "\n".join(
        line for line in log.splitlines() if " ERROR " in line or "CRITICAL" in line
    )


# ---------------------------------------------------------------------------
# The contract as docs/API.md states it (versions, keys, formats, language,
# companies, numbering, transport-level errors)
# ---------------------------------------------------------------------------
API_VERSION = "1.0"
ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"


def _fault_answer(fault):
    """The API's answer carried by an XML-RPC fault (its text is JSON)."""
    assert "Traceback" not in fault.faultString, fault.faultString
    return json.loads(fault.faultString)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_contract_keys_formats_and_version(live_server, api_world, transport):
    s, w = live_server, api_world
    api = _client(s, w, "user_a", transport)
    key = s.unique("contract")
    order = api(
        "submit_order",
        {
            "idempotency_key": key,
            "requested_date": "2099-01-02",
            "lines": [{"sku": w["sku"], "quantity": 1}],
        },
    )
    assert order["ok"], order
    assert order["api_version"] == API_VERSION
    assert order["approval_state"] is False
    status = api("order_status", {"order_id": order["order_id"]})
    assert status["api_version"] == API_VERSION
    assert status["idempotency_key"] == key and status["replayed"] is False
    assert status["approval_state"] is False
    assert status["requested_date"] == "2099-01-02"
    assert re.match(ISO_DATETIME, status["date_order"]), status["date_order"]
    assert re.match(ISO_DATETIME, status["deliveries"][0]["scheduled_date"])
    quote = api(
        "submit_order",
        {
            "idempotency_key": s.unique("contract-q"),
            "confirm": False,
            "lines": [{"sku": w["sku"], "quantity": 1}],
        },
    )
    cancelled = api("cancel_order", {"order_id": quote["order_id"]})
    assert cancelled["ok"] and cancelled["replayed"] is False, cancelled
    assert set(cancelled) == set(quote)
    prices = api("price_lines", {"lines": [{"sku": w["sku"], "quantity": 1}]})
    assert re.match(ISO_DATETIME, prices["date"]), prices
    again = api(
        "price_lines",
        {"lines": [{"sku": w["sku"], "quantity": 1}], "date": prices["date"]},
    )
    assert again["ok"], again
    line = [{"sku": w["sku"], "quantity": 1}]
    for op, payload in (
        ("price_lines", {"lines": line}),
        ("dealer_credit", {}),
        ("product_availability", {"skus": [w["sku"]]}),
        ("submit_order", {"idempotency_key": s.unique("v"), "lines": line}),
        ("order_status", {"order_id": order["order_id"]}),
        ("cancel_order", {"order_id": order["order_id"]}),
        ("open_invoices", {}),
        ("dealer_addresses", {}),
    ):
        assert api(op, payload)["api_version"] == API_VERSION, op
        refused = api(op, {**payload, "dealer": w["dealer_b"]})
        assert refused["api_version"] == API_VERSION, (op, refused)
        assert refused["errors"][0]["code"] == "FORBIDDEN_DEALER", (op, refused)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_no_traceback_for_calls_that_reach_no_operation(
    live_server, api_world, transport
):
    s, w = live_server, api_world
    api = _client(s, w, "user_a", transport)
    for name in ("no_such_op", "_b2b_api_run", "_b2b_api_status", "search"):
        result = api(name, {})
        assert result["ok"] is False, (name, result)
        assert [e["code"] for e in result["errors"]] == ["UNKNOWN_OPERATION"]
        assert result["api_version"] == API_VERSION
        assert "Traceback" not in str(result)
    # more than the payload
    if transport == "xmlrpc":
        result = s.xmlrpc_object().execute_kw(
            s.db, api.uid, api.key, "b2b.api", "dealer_credit", [{}, 2], {"x": 1}
        )
    else:
        result = s.jsonrpc(
            "object",
            "execute_kw",
            s.db,
            api.uid,
            api.key,
            "b2b.api",
            "dealer_credit",
            [{}, 2],
            {"x": 1},
        )
    assert [e["code"] for e in result["errors"]] == ["INVALID_PAYLOAD"], result
    assert result["api_version"] == API_VERSION
    # another model keeps Odoo's own behaviour
    with pytest.raises((xmlrpc.client.Fault, RpcError)):
        api.raw("res.partner", "no_such_method")


def test_unparsable_xmlrpc_is_an_invalid_payload_fault(live_server, api_world):
    """XML 1.0 cannot carry a NUL character: the body cannot be parsed, the
    answer is a fault holding the API's error structure, no traceback."""
    s, w = live_server, api_world
    login, key = w["user_a"]
    uid = s.login(login, key)
    body = xmlrpc.client.dumps(
        (
            (
                s.db,
                uid,
                key,
                "b2b.api",
                "submit_order",
                [{"idempotency_key": "nul\x00key", "lines": []}],
                {},
            ),
        ),
        "execute_kw",
    )
    for path in ("/xmlrpc/2/object", "/xmlrpc/object"):
        resp = requests.post(
            s.url + path, data=body.encode(), headers={"Content-Type": "text/xml"}
        )
        assert "Traceback" not in resp.text, resp.text[:500]
        with pytest.raises(xmlrpc.client.Fault) as caught:
            xmlrpc.client.loads(resp.text)
        answer = _fault_answer(caught.value)
        assert answer["ok"] is False
        assert answer["api_version"] == API_VERSION
        assert [e["code"] for e in answer["errors"]] == ["INVALID_PAYLOAD"]
    # not even XML
    resp = requests.post(
        s.url + "/xmlrpc/2/object",
        data=b"<methodCall><methodName>execute_kw",
        headers={"Content-Type": "text/xml"},
    )
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(resp.text)
    assert _fault_answer(caught.value)["errors"][0]["code"] == "INVALID_PAYLOAD"
    # a wrong key is still Odoo's authentication failure
    with pytest.raises(xmlrpc.client.Fault) as caught:
        s.xmlrpc_object().execute_kw(s.db, uid, "0" * 40, "b2b.api", "nope", [{}])
    assert caught.value.faultCode == 3
    assert "Traceback" not in caught.value.faultString
    resp = requests.post(
        s.url + "/jsonrpc",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [s.db, uid, "0" * 40, "b2b.api", "dealer_credit", [{}]],
            },
        },
        timeout=60,
    )
    error = resp.json()["error"]
    assert error["data"]["name"] == "odoo.exceptions.AccessDenied", error
    assert "Traceback" not in json.dumps(error)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_context_lang_and_company(live_server, api_world, transport):
    """The context's language first, then the user's, both ways; a context
    company the user may not use is FORBIDDEN_DEALER."""
    s, w = live_server, api_world
    login, key = w["user_a"]
    [zh] = s.admin(
        "res.lang",
        "search_read",
        [("code", "=", "zh_CN"), ("active", "in", (True, False))],
        ["active"],
    )
    uid = s.login(login, key)
    s.admin("res.lang", "write", [zh["id"]], {"active": True})
    try:

        def call(lang):
            args = [s.db, uid, key, "b2b.api", "submit_order", [{"lines": []}]]
            kwargs = {"context": {"lang": lang}} if lang else {}
            if transport == "xmlrpc":
                result = s.xmlrpc_object().execute_kw(*args, kwargs)
            else:
                result = s.jsonrpc("object", "execute_kw", *args, kwargs)
            return " ".join(e["message"] for e in result["errors"])

        s.admin("res.users", "write", [uid], {"lang": "zh_CN"})
        assert "is required" in call("en_US")
        assert "必填" in call(None)
        s.admin("res.users", "write", [uid], {"lang": "en_US"})
        assert "必填" in call("zh_CN")
        assert "is required" in call(None)
    finally:
        s.admin("res.users", "write", [uid], {"lang": "en_US"})
        if not zh["active"]:
            s.admin("res.lang", "write", [zh["id"]], {"active": False})
    other = _id(s.admin("res.company", "create", [{"name": s.unique("ctx-co")}]))
    args = [s.db, uid, key, "b2b.api", "dealer_credit", [{}]]
    kwargs = {"context": {"allowed_company_ids": [other]}}
    if transport == "xmlrpc":
        result = s.xmlrpc_object().execute_kw(*args, kwargs)
    else:
        result = s.jsonrpc("object", "execute_kw", *args, kwargs)
    assert [e["code"] for e in result["errors"]] == ["FORBIDDEN_DEALER"], result


def test_refused_submit_uses_no_order_number(live_server, api_world):
    """A refused submission draws no number from the order sequence and its
    message names no order: the next order gets the next number."""
    s, w = live_server, api_world
    api = _client(s, w, "user_a", "xmlrpc")
    tag = s.unique("num")
    product = _id(
        s.admin(
            "product.product",
            "create",
            [{"name": tag, "default_code": tag, "type": "consu", "list_price": 5.0}],
        )
    )
    [tmpl] = s.admin("product.product", "read", [product], ["product_tmpl_id"])
    first = api(
        "submit_order",
        {"idempotency_key": s.unique("n1"), "lines": [{"sku": tag, "quantity": 1}]},
    )
    assert first["ok"], first
    rule = _id(
        s.admin(
            "b2b.order.rule",
            "create",
            [
                {
                    "name": tag,
                    "applied_on": "product",
                    "product_tmpl_id": tmpl["product_tmpl_id"][0],
                    "min_qty": 10,
                    "mode": "block",
                }
            ],
        )
    )
    try:
        refused = api(
            "submit_order",
            {"idempotency_key": s.unique("n2"), "lines": [{"sku": tag, "quantity": 1}]},
        )
    finally:
        s.admin("b2b.order.rule", "unlink", [rule])
    assert [e["code"] for e in refused["errors"]] == ["ORDER_REFUSED"], refused
    message = refused["errors"][0]["message"]
    prefix = re.match(r"^\D*", first["name"]).group(0)
    assert not re.search(re.escape(prefix) + r"\d", message), message
    second = api(
        "submit_order",
        {"idempotency_key": s.unique("n3"), "lines": [{"sku": tag, "quantity": 1}]},
    )
    assert second["ok"], second

    def number(name):
        return int(name[len(prefix) :])

    assert number(second["name"]) == number(first["name"]) + 1, (first, second)
