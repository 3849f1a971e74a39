"""Dealer data isolation and the dealer lifecycle, seen by real RPC clients.

Runs against the 4-worker live server: an administrator sets two dealers up
over XML-RPC (the lifecycle through its public dialog), then a portal user of
dealer A, a salesperson restricted to their own dealers and the administrator
try to read or change what they must not, over XML-RPC and JSON-RPC.
"""

import xmlrpc.client

import pytest

from tests.live.conftest import RpcError

# Odoo's XML-RPC fault code for an AccessError (odoo/addons/base/controllers/rpc.py)
RPC_FAULT_CODE_ACCESS_ERROR = 4


def _transition(server, partner_id, new_state, reason=None, login=None, password=None):
    login = login or server.admin_login
    password = password or server.admin_password
    wiz = server.execute(
        login,
        password,
        "b2b.dealer.state.change",
        "create",
        [
            {
                "partner_ids": [(6, 0, [partner_id])],
                "new_state": new_state,
                "reason": reason,
            }
        ],
    )
    wiz_id = wiz[0] if isinstance(wiz, list) else wiz
    return server.execute(
        login, password, "b2b.dealer.state.change", "action_confirm", [wiz_id]
    )


@pytest.fixture(scope="module")
def world(live_server):
    s = live_server
    tag = s.unique("iso")
    tier = s.admin("b2b.dealer.tier", "create", [{"name": f"Gold {tag}", "code": tag}])
    tier = tier[0] if isinstance(tier, list) else tier
    ids = s.admin(
        "res.partner",
        "create",
        [
            {
                "name": f"Dealer A {tag}",
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_tier_id": tier,
                "b2b_dealer_code": f"A-{tag}",
            },
            {
                "name": f"Dealer B {tag} SECRET-B",
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_tier_id": tier,
                "b2b_dealer_code": f"B-{tag}",
            },
        ],
    )
    dealer_a, dealer_b = ids
    for state in ("applied", "review", "approved"):
        _transition(s, dealer_a, state)
    for state in ("applied", "review", "approved"):
        _transition(s, dealer_b, state)

    groups = s.admin(
        "ir.model.data",
        "search_read",
        [
            ("module", "in", ["base", "b2b_base"]),
            (
                "name",
                "in",
                [
                    "group_portal",
                    "b2b_base_group_buyer_purchaser",
                    "b2b_base_group_salesman_own",
                ],
            ),
        ],
        fields=["name", "res_id"],
    )
    gid = {g["name"]: g["res_id"] for g in groups}
    contact_a = s.admin(
        "res.partner", "create", [{"name": f"Buyer {tag}", "parent_id": dealer_a}]
    )[0]
    portal_login = f"portal-{tag}"
    s.admin(
        "res.users",
        "create",
        [
            {
                "name": f"Buyer {tag}",
                "login": portal_login,
                "password": portal_login,
                "partner_id": contact_a,
                "groups_id": [
                    (6, 0, [gid["group_portal"], gid["b2b_base_group_buyer_purchaser"]])
                ],
            }
        ],
    )
    rep_login = f"rep-{tag}"
    s.admin(
        "res.users",
        "create",
        [
            {
                "name": f"Rep {tag}",
                "login": rep_login,
                "password": rep_login,
                "groups_id": [(6, 0, [gid["b2b_base_group_salesman_own"]])],
            }
        ],
    )
    return {
        "tag": tag,
        "dealer_a": dealer_a,
        "dealer_b": dealer_b,
        "contact_a": contact_a,
        "portal": (portal_login, portal_login),
        "rep": (rep_login, rep_login),
    }


def test_lifecycle_over_rpc(live_server, world):
    state = live_server.admin(
        "res.partner", "read", [world["dealer_a"]], fields=["b2b_state"]
    )
    assert state[0]["b2b_state"] == "approved"
    # a refused transition is a clean RPC fault with the reason, not a crash
    with pytest.raises(xmlrpc.client.Fault) as err:
        _transition(live_server, world["dealer_a"], "applied")
    assert "cannot go from" in err.value.faultString
    assert "Traceback" not in err.value.faultString.split("\n")[0]
    # the status cannot be written directly, even by the administrator
    with pytest.raises(xmlrpc.client.Fault) as err:
        live_server.admin(
            "res.partner", "write", [world["dealer_a"]], {"b2b_state": "suspended"}
        )
    assert "lifecycle" in err.value.faultString


def test_portal_user_reads_only_own_dealer_xmlrpc(live_server, world):
    login, password = world["portal"]
    own = live_server.execute(
        login,
        password,
        "res.partner",
        "read",
        [world["dealer_a"]],
        fields=["name", "b2b_state"],
    )
    assert own[0]["b2b_state"] == "approved"
    with pytest.raises(xmlrpc.client.Fault) as err:
        live_server.execute(
            login, password, "res.partner", "read", [world["dealer_b"]], fields=["name"]
        )
    assert "SECRET-B" not in err.value.faultString
    assert err.value.faultCode == RPC_FAULT_CODE_ACCESS_ERROR
    found = live_server.execute(
        login,
        password,
        "res.partner",
        "search_read",
        [("b2b_is_dealer", "=", True)],
        fields=["name"],
    )
    assert {p["id"] for p in found} <= {world["dealer_a"], world["contact_a"]}
    assert not any("SECRET-B" in p["name"] for p in found)
    # nor can a portal user move its own dealer through the lifecycle
    with pytest.raises(xmlrpc.client.Fault):
        _transition(live_server, world["dealer_a"], "suspended", "x", login, password)


def test_portal_user_cannot_read_other_dealer_jsonrpc(live_server, world):
    login, password = world["portal"]
    with pytest.raises(RpcError) as err:
        live_server.jsonrpc_execute(
            login, password, "res.partner", "read", [world["dealer_b"]], fields=["name"]
        )
    assert err.value.http_status == 200
    assert "AccessError" in err.value.name
    assert "SECRET-B" not in str(err.value.error)
    count = live_server.jsonrpc_execute(
        login, password, "res.partner", "search_count", [("id", "=", world["dealer_b"])]
    )
    assert count == 0


def test_own_dealer_salesperson_scope(live_server, world):
    login, password = world["rep"]
    rep_uid = live_server.login(login, password)
    live_server.admin("res.partner", "write", [world["dealer_b"]], {"user_id": rep_uid})
    visible = live_server.execute(
        login,
        password,
        "res.partner",
        "search",
        [("id", "in", [world["dealer_a"], world["dealer_b"]])],
    )
    # dealer A has no salesperson (visible to all), dealer B is this rep's
    assert set(visible) == {world["dealer_a"], world["dealer_b"]}
    other_uid = live_server.admin("res.users", "search", [("login", "=", "admin")])[0]
    live_server.admin(
        "res.partner", "write", [world["dealer_a"]], {"user_id": other_uid}
    )
    visible = live_server.execute(
        login,
        password,
        "res.partner",
        "search",
        [("id", "in", [world["dealer_a"], world["dealer_b"]])],
    )
    assert visible == [world["dealer_b"]]
    with pytest.raises(xmlrpc.client.Fault):
        live_server.execute(
            login, password, "res.partner", "read", [world["dealer_a"]], fields=["name"]
        )
