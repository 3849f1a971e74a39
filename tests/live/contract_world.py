"""The world of the contract tests (tests/live/test_api_contract.py): the
shipped JSON Schema, a recorder of the answers checked against it, and dealers,
products and integration users provisioned over RPC only."""

import datetime
import json
import xmlrpc.client
from pathlib import Path

import jsonschema

from tests.api_schema import merged_schema
from tests.live.api_world import Client, _id, _xmlid
from tests.live.conftest import RpcError

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = merged_schema(ROOT)
TRANSPORTS = ("xmlrpc", "jsonrpc")

# Documented codes no RPC payload can produce; each one is a safety net of
# the frame (b2b.api._b2b_api_run), shown by the module's own tests where a
# test can provoke it:
UNTRIGGERABLE = {
    # FORBIDDEN on b2b.api: every read and write of the operations is done
    # for a dealer checked against the caller's links, so no access right
    # refuses anything ("should not happen through the API").
    # REFUSED: another UserError of Odoo escaping an operation; every known
    # refusal has its own code (ORDER_REFUSED, CREDIT_BLOCKED, ...).
    # INTERNAL_ERROR: an unexpected exception; a working server has none.
    "b2b.api": {"FORBIDDEN", "REFUSED", "INTERNAL_ERROR"},
    # REFUSED on b2b.api.admin: only set_integration_user can break a rule
    # of the user form (a dealer's own user linked to another dealer);
    # create_integration_user builds a user that satisfies them, and the key
    # operations write no record with constraints.
    "b2b.api.admin": {"REFUSED", "INTERNAL_ERROR"},
}
TRIGGERABLE_REFUSED = {"set_integration_user"}


def _validator(operation):
    return jsonschema.Draft202012Validator(
        dict(SCHEMA, **{"$ref": f"#/operations/{operation}/answer"})
    )


class Contract:
    """Calls operations and checks each answer against the schema; records
    the error codes seen per operation."""

    def __init__(self):
        self.seen = {name: set() for name in SCHEMA["operations"]}

    def check(self, operation, answer, expect=None):
        errors = [e.message for e in _validator(operation).iter_errors(answer)]
        assert not errors, (operation, errors[:5], answer)
        assert answer["api_version"] == SCHEMA["api_version"]
        if answer["ok"]:
            assert expect is None, (operation, "expected", expect, answer)
        else:
            codes = {e["code"] for e in answer["errors"]}
            assert codes <= set(SCHEMA["operations"][operation]["errors"]), (
                operation,
                answer,
            )
            assert "Traceback" not in json.dumps(answer)
            if expect:
                assert expect in codes, (operation, "expected", expect, answer)
            self.seen[operation] |= codes
        return answer


class AdminClient(Client):
    """An administrator calling b2b.api.admin (and plain ORM methods)."""

    model = "b2b.api.admin"


def _authenticates(s, login, key, transport):
    """Whether ``key`` logs ``login`` in (a refused login is False over
    XML-RPC, an AccessDenied error or False over JSON-RPC)."""
    try:
        if transport == "xmlrpc":
            return bool(s.xmlrpc_common().authenticate(s.db, login, key, {}))
        return bool(s.jsonrpc("common", "login", s.db, login, key))
    except (xmlrpc.client.Fault, RpcError):
        return False


def _day(days):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def _provision_dealer(s, tag, name, tier, credit_limit):
    """An approved dealer, over RPC only, as the administrator."""
    dealer = _id(
        s.admin(
            "res.partner",
            "create",
            [
                {
                    "name": f"{name} {tag}",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": f"{name}-{tag}",
                }
            ],
        )
    )
    # the lifecycle: prospect -> applied -> under review -> approved, each
    # step through the status dialog (b2b.dealer.state.change)
    for state in ("applied", "review", "approved"):
        wizard = _id(
            s.admin(
                "b2b.dealer.state.change",
                "create",
                [{"partner_ids": [(6, 0, [dealer])], "new_state": state}],
            )
        )
        s.admin("b2b.dealer.state.change", "action_confirm", [wizard])
    s.admin(
        "res.partner",
        "write",
        [dealer],
        {"b2b_tier_id": tier, "credit_limit": credit_limit},
    )
    return dealer


def make_contract_world(s):
    """Provision the contract tests' world on the live server ``s``."""
    tag = s.unique("ct")
    admin = AdminClient(s, s.admin_login, s.admin_password, "xmlrpc")
    tier = _id(
        s.admin(
            "b2b.dealer.tier",
            "create",
            [
                {
                    "name": tag,
                    "code": tag,
                    "b2b_credit_limit": 100000,
                    "b2b_credit_policy_order": "block",
                }
            ],
        )
    )
    dealer = _provision_dealer(s, tag, "CT", tier, 50000)
    tight = _provision_dealer(s, tag, "TIGHT", tier, 1)
    other = _provision_dealer(s, tag, "OTHER", tier, 50000)
    prospect = _id(
        s.admin(
            "res.partner",
            "create",
            [
                {
                    "name": f"PROSPECT {tag}",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": f"PROSPECT-{tag}",
                }
            ],
        )
    )
    ship_other = _id(
        s.admin(
            "res.partner",
            "create",
            [{"name": "Other depot", "type": "delivery", "parent_id": other}],
        )
    )
    sku = f"CT-{tag}"

    def product(code, **vals):
        return _id(
            s.admin(
                "product.product",
                "create",
                [
                    {
                        "name": f"{code} {tag}",
                        "default_code": code,
                        "type": "consu",
                        "is_storable": True,
                        "list_price": 100.0,
                        "taxes_id": [(6, 0, [])],
                        **vals,
                    }
                ],
            )
        )

    pump = product(sku)
    product(f"TWIN-{tag}")
    product(f"TWIN-{tag}")  # AMBIGUOUS_SKU
    product(f"NOSALE-{tag}", sale_ok=False)  # PRODUCT_UNAVAILABLE
    s.admin(
        "b2b.order.rule",
        "create",
        [
            {
                "name": f"rule {tag}",
                "applied_on": "product",
                "product_tmpl_id": s.admin(
                    "product.product",
                    "read",
                    [product(f"RULE-{tag}")],
                    ["product_tmpl_id"],
                )[0]["product_tmpl_id"][0],
                "min_qty": 10,
                "mode": "block",
            }
        ],
    )
    [warehouse] = s.admin("stock.warehouse", "search_read", [], ["code"], limit=1)

    def integration_user(name, dealers, rate_limit=100000):
        res = admin(
            "create_integration_user",
            {
                "name": f"{name} {tag}",
                "login": f"{name}-{tag}",
                "dealers": dealers,
                "rate_limit": rate_limit,
            },
        )
        assert res["ok"], res
        key = admin("issue_key", {"user_id": res["user_id"], "expires": _day(30)})
        assert key["ok"], key
        return {
            "login": f"{name}-{tag}",
            "key": key["key"],
            "user_id": res["user_id"],
            "key_id": key["key_id"],
        }

    plain_login = f"plain-{tag}"
    s.admin(
        "res.users",
        "create",
        [
            {
                "name": plain_login,
                "login": plain_login,
                "password": f"{plain_login}-pw1",
                "groups_id": [(6, 0, [_xmlid(s, "base", "group_user")])],
            }
        ],
    )
    return {
        "tag": tag,
        "tier": tier,
        "dealer": dealer,
        "tight": tight,
        "other": other,
        "prospect": prospect,
        "ship_other": ship_other,
        "sku": sku,
        "pump": pump,
        "warehouse": warehouse["code"],
        "admin": admin,
        # the dealer's own system (portal user under the dealer)
        "erp": integration_user("ct-erp", [f"CT-{tag}"]),
        # a brand-side system for several dealers, one not approved
        "edi": integration_user("ct-edi", [dealer, tight, prospect]),
        "limited": integration_user("ct-limited", [dealer], rate_limit=1),
        "plain": (plain_login, f"{plain_login}-pw1"),
    }


def make_regional_world(s, tag=None):
    """Regional inventory over RPC only: two warehouses (East, South), the
    regions' lists (East: East then South; South: South only), a dealer per
    region with its integration user, a storable product with 10 in East
    and 8 in South."""
    tag = tag or s.unique("rg")
    admin = AdminClient(s, s.admin_login, s.admin_password, "xmlrpc")
    # multi-warehouse for internal users first, as Odoo sets it for a second
    # warehouse (else Odoo saves the whole Settings page)
    s.admin(
        "res.groups",
        "write",
        [_xmlid(s, "base", "group_user")],
        {
            "implied_ids": [
                (4, _xmlid(s, "stock", "group_stock_multi_locations")),
                (4, _xmlid(s, "stock", "group_stock_multi_warehouses")),
            ]
        },
    )
    suffix = "".join(ch for ch in tag.upper() if ch.isalnum())[-4:]
    codes = {"east": f"E{suffix}", "south": f"S{suffix}"}
    warehouses = {
        key: _id(
            s.admin(
                "stock.warehouse",
                "create",
                [{"name": f"{key} {tag}", "code": code}],
            )
        )
        for key, code in codes.items()
    }
    tier = _id(
        s.admin(
            "b2b.dealer.tier",
            "create",
            [{"name": tag, "code": tag, "b2b_credit_limit": 100000}],
        )
    )
    regions = {}
    for key, keys in (("east", ("east", "south")), ("south", ("south",))):
        regions[key] = _id(
            s.admin(
                "b2b.dealer.region",
                "create",
                [
                    {
                        "name": f"{key} region {tag}",
                        "company_id": False,
                        "b2b_warehouse_ids": [
                            (0, 0, {"warehouse_id": warehouses[k], "sequence": i})
                            for i, k in enumerate(keys, start=1)
                        ],
                    }
                ],
            )
        )
    dealers, users = {}, {}
    for key in ("east", "south"):
        code = f"RG{key[0].upper()}-{tag}"
        dealers[key] = _provision_dealer(s, tag, f"RG{key[0].upper()}", tier, 50000)
        s.admin("res.partner", "write", [dealers[key]], {"b2b_region_id": regions[key]})
        res = admin(
            "create_integration_user",
            {
                "name": f"rg-{key} {tag}",
                "login": f"rg-{key}-{tag}",
                "dealers": [code],
                "rate_limit": 100000,
            },
        )
        assert res["ok"], res
        key_res = admin("issue_key", {"user_id": res["user_id"], "expires": _day(30)})
        assert key_res["ok"], key_res
        users[key] = {"login": f"rg-{key}-{tag}", "key": key_res["key"]}
    sku = f"RG-{tag}"
    product = _id(
        s.admin(
            "product.product",
            "create",
            [
                {
                    "name": sku,
                    "default_code": sku,
                    "type": "consu",
                    "is_storable": True,
                    "list_price": 100.0,
                    "taxes_id": [(6, 0, [])],
                }
            ],
        )
    )
    supplier = _xmlid(s, "stock", "stock_location_suppliers")
    for key, qty in (("east", 10), ("south", 8)):
        # a receipt validated, as a warehouse clerk does
        [row] = s.admin(
            "stock.warehouse", "read", [warehouses[key]], ["lot_stock_id", "in_type_id"]
        )
        stock = row["lot_stock_id"][0]
        move = {
            "name": sku,
            "product_id": product,
            "product_uom_qty": qty,
            "location_id": supplier,
            "location_dest_id": stock,
        }
        picking = _id(
            s.admin(
                "stock.picking",
                "create",
                [
                    {
                        "picking_type_id": row["in_type_id"][0],
                        "location_id": supplier,
                        "location_dest_id": stock,
                        "move_ids": [(0, 0, move)],
                    }
                ],
            )
        )
        s.admin("stock.picking", "action_confirm", [picking])
        [moves] = s.admin("stock.picking", "read", [picking], ["move_ids"])
        s.admin(
            "stock.move", "write", moves["move_ids"], {"quantity": qty, "picked": True}
        )
        assert s.admin("stock.picking", "button_validate", [picking]) is True
    [main] = s.admin(
        "stock.warehouse",
        "search_read",
        [("id", "not in", list(warehouses.values()))],
        ["code"],
        limit=1,
    )
    return {
        "tag": tag,
        "codes": codes,
        "main_code": main["code"],
        "dealers": dealers,
        "users": users,
        "sku": sku,
        "product": product,
    }
