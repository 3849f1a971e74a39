"""The integrator API (b2b_api) as integrators see it: a 4-worker server,
XML-RPC and JSON-RPC, integration users authenticated by API keys.

- every operation over both transports;
- bad input -> structured errors (code, message, line), nothing created;
- 100 identical concurrent submits -> exactly one order, every answer
  carries its id;
- a dealer's integration user cannot read or write another dealer's data;
- the rate limit holds across the worker processes.
"""

import threading
import time
import xmlrpc.client

import pytest

from tests.live.api_world import TRANSPORTS, Client, _client, _id, _orders, _xmlid
from tests.live.conftest import RpcError

# Odoo's prefork server listens with a backlog of 8 x workers (32): at most
# this many requests hold a connection at once (see test_credit_concurrency).
MAX_OPEN_CONNECTIONS = 28


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
