"""The integrator API's contract as docs/API.md states it, on a live
multi-worker server over XML-RPC and JSON-RPC: the version and keys of every
answer, date formats, the call's language and companies, order numbering of
refused submits, and the errors of calls that reach no operation (never a
traceback)."""

import json
import re
import xmlrpc.client

import pytest
import requests

from tests.live.api_world import TRANSPORTS, _client, _id
from tests.live.conftest import RpcError

# ---------------------------------------------------------------------------
# The contract as docs/API.md states it (versions, keys, formats, language,
# companies, numbering, transport-level errors)
# ---------------------------------------------------------------------------
API_VERSION = "1.2"
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


def test_no_server_error_logged(live_server, api_world):
    log = live_server.log_text()
    assert "b2b.api" not in "\n".join(
        line for line in log.splitlines() if " ERROR " in line or "CRITICAL" in line
    )
