#!/usr/bin/env python3
# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Provision a dealer for the integrator API over XML-RPC, as an
administrator: a company partner made a dealer, approved, given a tier and a
credit limit, then an integration user of that dealer and its API key.
Standard library only (docs/API.md, "Provisioning over RPC").

Environment:
    B2B_URL (http://127.0.0.1:8069), B2B_DB (dealer_b2b_demo),
    B2B_USER (admin), B2B_PASSWORD or B2B_KEY: an administrator (Access
        Rights and dealer manager, e.g. the demo's admin);
    B2B_DEALER_NAME, B2B_DEALER_CODE: the dealer to create (or reuse, by code);
    B2B_TIER: a tier code (default: the first tier; one is created if none);
    B2B_CREDIT_LIMIT (default 50000); B2B_LOGIN: the integration user's login;
    B2B_KEY_DAYS: validity of the key in days (default 90, at most 365).

Prints each step, then one JSON line {"dealer_id", "user_id", "login",
"key_id", "key", "expires"}: give the key to the integrator (shown once).
"""

import datetime
import json
import os
import sys
import xmlrpc.client

URL = os.environ.get("B2B_URL", "http://127.0.0.1:8069")
DB = os.environ.get("B2B_DB", "dealer_b2b_demo")
USER = os.environ.get("B2B_USER", "admin")
SECRET = os.environ.get("B2B_KEY") or os.environ.get("B2B_PASSWORD", "admin")
NAME = os.environ.get("B2B_DEALER_NAME", "Example Dealer Ltd")
CODE = os.environ.get("B2B_DEALER_CODE", "EX-001")
TIER = os.environ.get("B2B_TIER")
LIMIT = float(os.environ.get("B2B_CREDIT_LIMIT", "50000"))
LOGIN = os.environ.get("B2B_LOGIN", "example_dealer_erp")
DAYS = int(os.environ.get("B2B_KEY_DAYS", "90"))

uid = xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/common").authenticate(
    DB, USER, SECRET, {}
)
if not uid:
    sys.exit(f"cannot authenticate {USER} on {DB} at {URL}")
models = xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/object", allow_none=True)


def orm(model, method, *args, **kwargs):
    return models.execute_kw(DB, uid, SECRET, model, method, list(args), kwargs)


def admin(operation, payload):
    """One b2b.api.admin operation; stops on {"ok": false}."""
    result = orm("b2b.api.admin", operation, payload)
    if not result["ok"]:
        for error in result["errors"]:
            print(f"  {error['code']}: {error['message']}", file=sys.stderr)
        sys.exit(f"{operation} refused")
    return result


# 1. the tier
tiers = orm("b2b.dealer.tier", "search", [("code", "=", TIER)] if TIER else [], limit=1)
tier = (
    tiers[0]
    if tiers
    else orm(
        "b2b.dealer.tier",
        "create",
        [{"name": TIER or "Standard", "code": TIER or "STD"}],
    )[0]
)

# 2. the dealer: a company partner flagged as dealer (created as a prospect)
found = orm(
    "res.partner",
    "search_read",
    [("b2b_dealer_code", "=", CODE), ("is_company", "=", True)],
    ["b2b_state"],
    limit=1,
)
if found:
    dealer, state = found[0]["id"], found[0]["b2b_state"]
else:
    [dealer] = orm(
        "res.partner",
        "create",
        [
            {
                "name": NAME,
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_dealer_code": CODE,
            }
        ],
    )
    state = "prospect"
print(f"dealer {CODE} #{dealer} ({state})")

# 3. its lifecycle up to approved, each step through the status dialog
path = ["prospect", "applied", "review", "approved"]
if state in path:
    for new_state in path[path.index(state) + 1 :]:
        [wizard] = orm(
            "b2b.dealer.state.change",
            "create",
            [{"partner_ids": [(6, 0, [dealer])], "new_state": new_state}],
        )
        orm("b2b.dealer.state.change", "action_confirm", [wizard])
        print(f"  -> {new_state}")
elif state != "approved":
    sys.exit(f"the dealer is {state}: reactivate it in the backend first")

# 4. tier and credit limit (its own limit, in the company currency)
orm("res.partner", "write", [dealer], {"b2b_tier_id": tier, "credit_limit": LIMIT})
print(f"tier #{tier}, credit limit {LIMIT:.2f}")

# 5. the integration user (a portal user of the dealer, no password)
existing = orm(
    "res.users", "search", [("login", "=", LOGIN)], context={"active_test": False}
)
if existing:
    user = admin(
        "set_integration_user",
        {"user_id": existing[0], "dealers": [dealer], "active": True},
    )
else:
    user = admin(
        "create_integration_user",
        {"name": f"{NAME} ERP", "login": LOGIN, "dealers": [dealer]},
    )
print(f"integration user {LOGIN} #{user['user_id']}")

# 6. its API key, valid DAYS days
expires = (datetime.date.today() + datetime.timedelta(days=DAYS)).isoformat()
key = admin(
    "issue_key",
    {"user_id": user["user_id"], "name": "provision.py", "expires": expires},
)
print(f"API key #{key['key_id']} valid until {key['expires']} (shown once)")
print(
    json.dumps(
        {
            "dealer_id": dealer,
            "user_id": user["user_id"],
            "login": LOGIN,
            "key_id": key["key_id"],
            "key": key["key"],
            "expires": key["expires"],
        }
    )
)
