"""The world of the live API tests: two dealers, products, a warehouse and
integration users with API keys, made over RPC on the live server (one per
test module: names are unique), and a client for both transports."""

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

    model = "b2b.api"

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
        return self.raw(self.model, op, *args)

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


def make_api_world(live_server):
    """The world (ids, logins and keys) made on ``live_server``."""
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
