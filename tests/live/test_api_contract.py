"""The integrator API's contract, checked on a real 4-worker server.

- an administrator provisions everything over RPC only (b2b.api.admin and
  plain ORM calls, as docs/API.md "Provisioning over RPC" says): a company
  partner made a dealer, taken through its lifecycle to approved, given a
  tier, a credit limit and policy, an integration user and an API key; that
  key then submits an order;
- every operation of b2b.api and b2b.api.admin is called over XML-RPC and
  JSON-RPC with valid payloads and with payloads that trigger every error
  code the schema documents for it; every answer is validated against the
  shipped JSON Schema (addons/b2b_api/static/schema/b2b_api.schema.json);
- a key issued over RPC authenticates, a revoked or rotated one does not;
- the runnable examples of docs/examples/ run against the server.
"""

import json
import os
import shutil
import subprocess
import sys
import xmlrpc.client

import pytest
import requests

from tests.live.api_world import Client
from tests.live.conftest import RpcError
from tests.live.contract_world import (
    ROOT,
    SCHEMA,
    TRANSPORTS,
    TRIGGERABLE_REFUSED,
    UNTRIGGERABLE,
    AdminClient,
    Contract,
    _authenticates,
    _day,
    make_contract_world,
)


@pytest.fixture(scope="module")
def world(live_server):
    return make_contract_world(live_server)


def _api(s, user, transport):
    return Client(s, user["login"], user["key"], transport)


# ---------------------------------------------------------------------------
# Provisioning: RPC only, from a company partner to an order
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_provisioned_dealer_orders(live_server, world, transport):
    s, w, c = live_server, world, Contract()
    [row] = s.admin(
        "res.partner", "read", [w["dealer"]], ["b2b_state", "b2b_can_order"]
    )
    assert row["b2b_state"] == "approved" and row["b2b_can_order"]
    api = _api(s, w["erp"], transport)
    credit = c.check("dealer_credit", api("dealer_credit", {}))
    assert credit["ok"] and credit["limit"] == 50000 and credit["can_order"], credit
    order = c.check(
        "submit_order",
        api(
            "submit_order",
            {
                "idempotency_key": s.unique("prov"),
                "lines": [{"sku": w["sku"], "quantity": 2}],
            },
        ),
    )
    assert order["ok"] and order["state"] == "sale", order
    assert order["amount_total"] == 200.0


# ---------------------------------------------------------------------------
# Keys issued, rotated and revoked over RPC
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_key_lifecycle(live_server, world, transport):
    s, w, c = live_server, world, Contract()
    admin = AdminClient(s, s.admin_login, s.admin_password, transport)
    user = w["erp"]
    issued = c.check(
        "issue_key",
        admin(
            "issue_key",
            {
                "user_id": user["user_id"],
                "name": f"k {transport}",
                "expires": _day(365),
            },
        ),
    )
    assert issued["ok"], issued
    api = Client(s, user["login"], issued["key"], transport)
    # used on every worker first: each caches its check of (user, key)
    for _call in range(3 * s.workers):
        assert c.check("dealer_credit", api("dealer_credit", {}))["ok"]
    listed = c.check("list_keys", admin("list_keys", {"user_id": user["user_id"]}))
    assert issued["key_id"] in [k["key_id"] for k in listed["keys"]]
    assert issued["key"] not in json.dumps(listed)
    rotated = c.check(
        "rotate_key",
        admin("rotate_key", {"key_id": issued["key_id"], "expires": _day(10)}),
    )
    assert rotated["ok"] and rotated["revoked_key_id"] == issued["key_id"], rotated
    assert not _authenticates(s, user["login"], issued["key"], transport)
    # ... and no worker lets the old key in any more
    old = api  # authenticated with the old key before the rotation
    for _call in range(3 * s.workers):
        with pytest.raises((xmlrpc.client.Fault, RpcError)):
            old("dealer_credit", {})
    api = Client(s, user["login"], rotated["key"], transport)
    for _call in range(3 * s.workers):
        assert c.check("dealer_credit", api("dealer_credit", {}))["ok"]
    revoked = c.check("revoke_key", admin("revoke_key", {"key_id": rotated["key_id"]}))
    assert revoked["ok"], revoked
    for _call in range(3 * s.workers):
        with pytest.raises((xmlrpc.client.Fault, RpcError)):
            api("dealer_credit", {})


# ---------------------------------------------------------------------------
# Every operation, every documented error code, both transports
# ---------------------------------------------------------------------------
def _b2b_api_cases(s, w, transport):
    """(operation, client, payload, expected code or None) of b2b.api."""
    erp, edi = _api(s, w["erp"], transport), _api(s, w["edi"], transport)
    sku, tag = w["sku"], w["tag"]
    line = {"sku": sku, "quantity": 2}
    dealer_ops = (
        "price_lines",
        "dealer_credit",
        "product_availability",
        "dealer_addresses",
        "submit_order",
        "order_status",
        "cancel_order",
        "open_invoices",
        "rebate_summary",
    )
    base = {
        "price_lines": {"lines": [line]},
        "dealer_credit": {},
        "product_availability": {"skus": [sku]},
        "dealer_addresses": {},
        "submit_order": {"idempotency_key": s.unique("k"), "lines": [line]},
        "order_status": {"order_id": 2147483647},
        "cancel_order": {"order_id": 2147483647},
        "open_invoices": {},
        "rebate_summary": {},
        "api_schema": {},
    }
    cases = []
    # valid calls
    cases += [
        ("api_schema", erp, None, None),
        ("price_lines", erp, {"lines": [line], "date": _day(0)}, None),
        ("dealer_credit", erp, {}, None),
        (
            "product_availability",
            erp,
            {"skus": [sku], "warehouses": [w["warehouse"]]},
            None,
        ),
        ("dealer_addresses", erp, {}, None),
        ("open_invoices", erp, {"limit": 10}, None),
        ("rebate_summary", erp, {"past": 2}, None),
        ("rebate_summary", erp, {"past": "x"}, "INVALID_TYPE"),
    ]
    for op, payload in base.items():
        cases.append((op, erp, [payload], "INVALID_PAYLOAD"))
        cases.append((op, erp, dict(payload, bogus=1), "UNKNOWN_FIELD"))
        # (a NUL character is INVALID_PAYLOAD too, but XML cannot carry it)
        if transport == "jsonrpc":
            cases.append((op, erp, {**payload, "x\x00": 1}, "INVALID_PAYLOAD"))
    for op in dealer_ops:
        payload = base[op]
        cases += [
            (op, edi, payload, "MISSING_FIELD"),  # several dealers: name one
            (op, erp, dict(payload, dealer=1.5), "INVALID_TYPE"),
            (op, erp, dict(payload, dealer=w["other"]), "FORBIDDEN_DEALER"),
        ]
    for op in ("price_lines", "submit_order"):
        payload = base[op]
        cases += [
            (op, erp, dict(payload, lines=[line] * 5001), "PAYLOAD_TOO_LARGE"),
            (
                op,
                erp,
                dict(payload, lines=[{"sku": "NOPE", "quantity": 1}]),
                "UNKNOWN_SKU",
            ),
            (
                op,
                erp,
                dict(payload, lines=[{"product_id": 2147483000, "quantity": 1}]),
                "UNKNOWN_PRODUCT",
            ),
            (
                op,
                erp,
                dict(payload, lines=[{"sku": f"TWIN-{tag}", "quantity": 1}]),
                "AMBIGUOUS_SKU",
            ),
            (
                op,
                erp,
                dict(payload, lines=[{"sku": f"NOSALE-{tag}", "quantity": 1}]),
                "PRODUCT_UNAVAILABLE",
            ),
            (
                op,
                erp,
                dict(payload, lines=[{"sku": sku, "quantity": 0}]),
                "INVALID_QUANTITY",
            ),
            (op, edi, dict(payload, dealer=w["prospect"]), "DEALER_CANNOT_ORDER"),
        ]
    cases += [
        ("price_lines", erp, {"lines": [line], "date": "31/12/2026"}, "INVALID_DATE"),
        (
            "submit_order",
            erp,
            dict(base["submit_order"], requested_date="2001-01-01"),
            "INVALID_DATE",
        ),
        (
            "submit_order",
            erp,
            dict(base["submit_order"], delivery_address_id=w["ship_other"]),
            "INVALID_ADDRESS",
        ),
        (
            "submit_order",
            edi,
            {"idempotency_key": s.unique("k"), "dealer": w["tight"], "lines": [line]},
            "CREDIT_BLOCKED",
        ),
        (
            "submit_order",
            erp,
            {
                "idempotency_key": s.unique("k"),
                "lines": [{"sku": f"RULE-{tag}", "quantity": 1}],
            },
            "ORDER_REFUSED",
        ),
        ("product_availability", erp, {"product_ids": [2147483000]}, "UNKNOWN_PRODUCT"),
        ("product_availability", erp, {"skus": ["NOPE"]}, "UNKNOWN_SKU"),
        ("product_availability", erp, {"skus": [f"TWIN-{tag}"]}, "AMBIGUOUS_SKU"),
        (
            "product_availability",
            erp,
            {"skus": [f"NOSALE-{tag}"]},
            "PRODUCT_UNAVAILABLE",
        ),
        ("product_availability", erp, {"skus": [sku] * 5001}, "PAYLOAD_TOO_LARGE"),
        (
            "product_availability",
            erp,
            {"skus": [sku], "warehouses": ["NOPE"]},
            "UNKNOWN_WAREHOUSE",
        ),
        ("order_status", erp, {"order_id": 2147483647}, "NOT_FOUND"),
        ("cancel_order", erp, {"client_reference": "no such order"}, "NOT_FOUND"),
    ]
    return cases


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_b2b_api_contract(live_server, world, transport):
    s, w, c = live_server, world, Contract()
    erp = _api(s, w["erp"], transport)
    for op, client, payload, expect in _b2b_api_cases(s, w, transport):
        c.check(op, client(op, payload), expect)
    # orders: submit, replay, reuse, status, cancel
    ref = s.unique(f"PO-{transport}")
    payload = {
        "idempotency_key": ref,
        "client_reference": ref,
        "requested_date": _day(7),
        "lines": [{"sku": w["sku"], "quantity": 2}],
    }
    order = c.check("submit_order", erp("submit_order", payload))
    assert order["ok"] and order["replayed"] is False, order
    again = c.check("submit_order", erp("submit_order", payload))
    assert again["replayed"] is True and again["order_id"] == order["order_id"]
    c.check(
        "submit_order",
        erp("submit_order", dict(payload, note="other")),
        "IDEMPOTENCY_KEY_REUSED",
    )
    status = c.check("order_status", erp("order_status", {"client_reference": ref}))
    assert status["order_id"] == order["order_id"] and status["requested_date"] == _day(
        7
    )
    assert status["idempotency_key"] == ref and status["replayed"] is False
    c.check(
        "cancel_order",
        erp("cancel_order", {"order_id": order["order_id"]}),
        "NOT_CANCELLABLE",
    )
    quotation = c.check(
        "submit_order",
        erp(
            "submit_order",
            {
                "idempotency_key": s.unique("q"),
                "confirm": False,
                "lines": [{"sku": w["sku"], "quantity": 1}],
            },
        ),
    )
    assert quotation["state"] == "draft" and quotation["approval_state"] is False
    cancelled = c.check(
        "cancel_order", erp("cancel_order", {"order_id": quotation["order_id"]})
    )
    assert cancelled["state"] == "cancel"
    # the frame's codes: a user that is no integration user, a rate limit
    plain = Client(s, *w["plain"], transport)
    limited = _api(s, w["limited"], transport)
    for op in (
        name for name, o in SCHEMA["operations"].items() if o["model"] == "b2b.api"
    ):
        c.check(op, plain(op, {}), "NOT_INTEGRATION_USER")
        limited("api_schema", None)  # the one call of the window (or more)
        answer = limited(op, {})
        if answer["ok"] or answer["errors"][0]["code"] != "RATE_LIMITED":
            # the fixed window turned between the two calls: this call was
            # the first of the new window, the next one is over the limit
            answer = limited(op, {})
        answer = c.check(op, answer, "RATE_LIMITED")
        assert answer["errors"][0]["retry_after"] >= 1
    # the schema served over HTTP is the one the operation answers
    served = requests.get(f"{s.url}/b2b_api/schema.json", timeout=30)
    assert served.status_code == 200 and served.json() == SCHEMA
    assert c.check("api_schema", erp("api_schema"))["schema"] == SCHEMA
    for op, spec in SCHEMA["operations"].items():
        if spec["model"] != "b2b.api":
            continue
        missing = set(spec["errors"]) - c.seen[op] - UNTRIGGERABLE["b2b.api"]
        assert not missing, (op, "documented codes never answered", missing)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_b2b_api_admin_contract(live_server, world, transport):
    s, w, c = live_server, world, Contract()
    admin = AdminClient(s, s.admin_login, s.admin_password, transport)
    tag = f"{w['tag']}-{transport}"
    erp_user = w["erp"]["user_id"]
    created = c.check(
        "create_integration_user",
        admin(
            "create_integration_user",
            {
                "name": f"new {tag}",
                "login": f"new-{tag}",
                "dealers": [w["dealer"]],
                "rate_limit": 5,
                "lang": "en_US",
            },
        ),
    )
    assert created["ok"] and created["dealer_ids"] == [w["dealer"]], created
    new_user = created["user_id"]
    c.check(
        "set_integration_user",
        admin(
            "set_integration_user",
            {"user_id": w["edi"]["user_id"], "rate_limit": 100000, "active": True},
        ),
    )
    key = c.check(
        "issue_key", admin("issue_key", {"user_id": new_user, "expires": _day(1)})
    )
    c.check("list_keys", admin("list_keys", {"user_id": new_user}))
    keys = {
        "create_integration_user": {
            "name": "x",
            "login": f"x-{tag}",
            "dealers": [w["dealer"]],
        },
        "set_integration_user": {"user_id": new_user},
        "issue_key": {"user_id": new_user, "expires": _day(1)},
        "list_keys": {"user_id": new_user},
        "revoke_key": {"key_id": 2147483647},
        "rotate_key": {"key_id": key["key_id"], "expires": _day(1)},
    }
    # an integration user (with its valid key) and a plain user: FORBIDDEN
    erp_admin = AdminClient(s, w["erp"]["login"], w["erp"]["key"], transport)
    plain = AdminClient(s, *w["plain"], transport)
    for op, payload in keys.items():
        c.check(op, erp_admin(op, payload), "FORBIDDEN")
        c.check(op, plain(op, payload), "FORBIDDEN")
        c.check(op, admin(op, [payload]), "INVALID_PAYLOAD")
        c.check(op, admin(op, dict(payload, bogus=1)), "UNKNOWN_FIELD")
        c.check(op, admin(op, {}), "MISSING_FIELD")
    for op in ("set_integration_user", "issue_key", "list_keys"):
        c.check(op, admin(op, dict(keys[op], user_id="1")), "INVALID_TYPE")
        c.check(
            op,
            admin(
                op,
                dict(
                    keys[op],
                    user_id=s.admin(
                        "res.users", "search", [("login", "=", w["plain"][0])]
                    )[0],
                ),
            ),
            "NOT_FOUND",
        )
    for op in ("revoke_key", "rotate_key"):
        c.check(op, admin(op, dict(keys[op], key_id=True)), "INVALID_TYPE")
        c.check(op, admin(op, dict(keys[op], key_id=2147483647)), "NOT_FOUND")
    for op in ("issue_key", "rotate_key"):
        c.check(op, admin(op, dict(keys[op], expires=_day(366))), "INVALID_DATE")
        c.check(op, admin(op, dict(keys[op], expires=_day(-1))), "INVALID_DATE")
    c.check(
        "create_integration_user",
        admin(
            "create_integration_user",
            dict(keys["create_integration_user"], login=w["erp"]["login"]),
        ),
        "LOGIN_TAKEN",
    )
    c.check(
        "create_integration_user",
        admin(
            "create_integration_user", dict(keys["create_integration_user"], login=5)
        ),
        "INVALID_TYPE",
    )
    for op in ("create_integration_user", "set_integration_user"):
        c.check(
            op, admin(op, dict(keys[op], dealers=["NO-SUCH-DEALER"])), "UNKNOWN_DEALER"
        )
    # the dealer's own system cannot be linked to another dealer
    c.check(
        "set_integration_user",
        admin("set_integration_user", {"user_id": erp_user, "dealers": [w["other"]]}),
        "REFUSED",
    )
    # a deactivated user's key no longer authenticates
    assert _authenticates(s, f"new-{tag}", key["key"], transport)
    assert (
        c.check(
            "set_integration_user",
            admin("set_integration_user", {"user_id": new_user, "active": False}),
        )["active"]
        is False
    )
    assert not _authenticates(s, f"new-{tag}", key["key"], transport)
    for op, spec in SCHEMA["operations"].items():
        if spec["model"] != "b2b.api.admin":
            continue
        untriggerable = UNTRIGGERABLE["b2b.api.admin"] - (
            {"REFUSED"} if op in TRIGGERABLE_REFUSED else set()
        )
        missing = set(spec["errors"]) - c.seen[op] - untriggerable
        assert not missing, (op, "documented codes never answered", missing)


# ---------------------------------------------------------------------------
# The runnable examples of docs/examples/
# ---------------------------------------------------------------------------
def _run_example(s, cmd, env):
    full_env = dict(os.environ, B2B_URL=s.url, B2B_DB=s.db, **env)
    res = subprocess.run(
        cmd,
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert res.returncode == 0, (cmd, res.stdout[-3000:], res.stderr[-3000:])
    return res.stdout


def test_examples(live_server, world):
    s, w = live_server, world
    py = sys.executable
    tag = s.unique("ex")
    out = _run_example(
        s,
        [py, "docs/examples/provision.py"],
        {
            "B2B_USER": s.admin_login,
            "B2B_PASSWORD": s.admin_password,
            "B2B_DEALER_NAME": f"Example dealer {tag}",
            "B2B_DEALER_CODE": f"EX-{tag}",
            "B2B_LOGIN": f"ex-erp-{tag}",
            "B2B_CREDIT_LIMIT": "50000",
        },
    )
    provisioned = json.loads(out.strip().splitlines()[-1])
    assert provisioned["dealer_id"] and provisioned["user_id"], out
    env = {
        "B2B_USER": provisioned["login"],
        "B2B_KEY": provisioned["key"],
        "B2B_SKU": w["sku"],
    }
    out = _run_example(s, [py, "docs/examples/order_jsonrpc.py"], env)
    assert "submitted" in out and "status sale" in out, out
    assert shutil.which("curl"), "curl is needed by docs/examples/api.sh"
    out = _run_example(s, ["bash", "docs/examples/api.sh"], env)
    assert '"ok": true' in out.replace('"ok":true', '"ok": true'), out
    out = _run_example(
        s,
        [
            py,
            "docs/examples/place_order.py",
            "--url",
            s.url,
            "--db",
            s.db,
            "--login",
            provisioned["login"],
            "--key",
            provisioned["key"],
            "--sku",
            w["sku"],
        ],
        {},
    )
    assert "replayed" in out.lower() or "order" in out.lower(), out
