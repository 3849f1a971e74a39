"""Regional inventory over the integrator API, on the 4-worker server:
a dealer's key reads the figures of its own region's warehouses only (also
when it names another region's warehouse codes), on XML-RPC and JSON-RPC,
every answer validated against the shipped JSON Schema; an order that no
single warehouse covers is split, and its status says which warehouse
ships what (one delivery per warehouse)."""

import pytest

from tests.live.api_world import Client
from tests.live.contract_world import TRANSPORTS, Contract, make_regional_world


@pytest.fixture(scope="module")
def regional(live_server):
    return make_regional_world(live_server)


def _api(s, world, key, transport):
    user = world["users"][key]
    return Client(s, user["login"], user["key"], transport)


def _codes(line):
    return [w["warehouse"] for w in line["warehouses"]]


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_own_warehouses_only(live_server, regional, transport):
    s, w, c = live_server, regional, Contract()
    east, south = w["codes"]["east"], w["codes"]["south"]
    # every worker answers from its own cache of the regions' lists
    for _call in range(2 * s.workers):
        res = c.check(
            "product_availability",
            _api(s, w, "east", transport)("product_availability", {"skus": [w["sku"]]}),
        )
        [line] = res["lines"]
        assert _codes(line) == [east, south], line
        assert line["available"] == 18 and line["state"] == "in", line
        assert [x["available"] for x in line["warehouses"]] == [10, 8]
        assert line["warehouses"][1]["state"] == "low"
    res = c.check(
        "product_availability",
        _api(s, w, "south", transport)("product_availability", {"skus": [w["sku"]]}),
    )
    assert _codes(res["lines"][0]) == [south]
    assert res["lines"][0]["available"] == 8


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_other_region_s_codes_are_unknown(live_server, regional, transport):
    s, w, c = live_server, regional, Contract()
    east, south = w["codes"]["east"], w["codes"]["south"]
    south_api = _api(s, w, "south", transport)
    for codes in ([east], [south, east], [w["main_code"]]):
        res = c.check(
            "product_availability",
            south_api(
                "product_availability", {"skus": [w["sku"]], "warehouses": codes}
            ),
            "UNKNOWN_WAREHOUSE",
        )
        assert "lines" not in res
        assert south not in res["errors"][0]["message"]
    # its own code: that warehouse's figure only
    res = c.check(
        "product_availability",
        _api(s, w, "east", transport)(
            "product_availability", {"skus": [w["sku"]], "warehouses": [south]}
        ),
    )
    assert _codes(res["lines"][0]) == [south]
    assert res["lines"][0]["available"] == 8


def test_split_order_status(live_server, regional):
    """15 for the East dealer: East has 10, South 8: one line, two
    deliveries; both transports read the same status."""
    s, w, c = live_server, regional, Contract()
    east, south = w["codes"]["east"], w["codes"]["south"]
    api = _api(s, w, "east", "xmlrpc")
    order = c.check(
        "submit_order",
        api(
            "submit_order",
            {
                "idempotency_key": s.unique("split"),
                "lines": [{"sku": w["sku"], "quantity": 15}],
            },
        ),
    )
    assert order["ok"] and order["state"] == "sale", order
    for transport in TRANSPORTS:
        status = c.check(
            "order_status",
            _api(s, w, "east", transport)(
                "order_status", {"order_id": order["order_id"]}
            ),
        )
        [line] = status["lines"]
        assert line["warehouse"] == east
        assert line["warehouses"] == [
            {"warehouse": east, "quantity": 10},
            {"warehouse": south, "quantity": 5},
        ], line
        deliveries = status["deliveries"]
        assert sorted(d["warehouse"] for d in deliveries) == sorted([east, south])
        assert all(d["scheduled_date"] and d["state"] for d in deliveries)
    # the South dealer now sees what is left to promise in South
    res = c.check(
        "product_availability",
        _api(s, w, "south", "jsonrpc")("product_availability", {"skus": [w["sku"]]}),
    )
    assert res["lines"][0]["available"] == 3
    # another dealer's order is not found for the South dealer's key
    c.check(
        "order_status",
        _api(s, w, "south", "xmlrpc")("order_status", {"order_id": order["order_id"]}),
        "NOT_FOUND",
    )
