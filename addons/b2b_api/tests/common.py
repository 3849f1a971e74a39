# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user

INTEGRATION = "b2b_api.b2b_api_group_integration"


class B2bApiCommon(TransactionCase):
    """Two approved dealers, products with SKUs, stock, integration users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The rate limiter counts calls on a cursor of its own (committed at
        # once, whatever the call does). In test mode Odoo serves such cursors
        # from the test transaction, as for HttpCase: the code under test
        # opens its real second cursor and sees the test's users.
        cls.registry.enter_test_mode(cls.cr)
        cls.addClassCleanup(cls.registry.leave_test_mode)
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "API Tier", "code": "API-T", "company_id": False}
        )
        cls.dealer_a = cls._dealer("API Dealer A", "API-A")
        cls.dealer_b = cls._dealer("API Dealer B", "API-B")
        cls.ship_a = cls.env["res.partner"].create(
            {
                "name": "A Warehouse Shanghai",
                "type": "delivery",
                "parent_id": cls.dealer_a.id,
                "city": "Shanghai",
            }
        )
        cls.ship_b = cls.env["res.partner"].create(
            {"name": "B Depot", "type": "delivery", "parent_id": cls.dealer_b.id}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "API Pump",
                "default_code": "API-PUMP",
                "type": "consu",
                "is_storable": True,
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.product_2 = cls.env["product.product"].create(
            {
                "name": "API Valve",
                "default_code": "API-VALVE",
                "type": "consu",
                "list_price": 10.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.product_archived = cls.env["product.product"].create(
            {
                "name": "API Old",
                "default_code": "API-OLD",
                "type": "consu",
                "list_price": 5.0,
                "active": False,
            }
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.warehouse.lot_stock_id, 42.0
        )
        cls.user_a = cls._integration_user("api_erp_a", cls.dealer_a, cls.dealer_a)
        cls.user_b = cls._integration_user("api_erp_b", cls.dealer_b, cls.dealer_b)
        cls.user_brand = new_test_user(
            cls.env,
            login="api_edi_brand",
            groups=f"base.group_user,{INTEGRATION}",
            name="Brand EDI",
        )
        cls.user_brand.b2b_api_dealer_ids = cls.dealer_a | cls.dealer_b
        cls.portal_plain = new_test_user(
            cls.env,
            login="api_plain_portal",
            groups="base.group_portal",
            name="Plain portal",
            partner_id=cls.env["res.partner"]
            .create({"name": "plain", "parent_id": cls.dealer_a.id})
            .id,
        )

    @classmethod
    def _dealer(cls, name, code):
        return (
            cls.env["res.partner"]
            .with_context(b2b_import_state=True)
            .create(
                {
                    "name": name,
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": code,
                    "b2b_tier_id": cls.tier.id,
                    "b2b_state": "approved",
                }
            )
        )

    @classmethod
    def _integration_user(cls, login, dealer, linked):
        contact = cls.env["res.partner"].create(
            {"name": login, "parent_id": dealer.id, "email": f"{login}@example.com"}
        )
        user = new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_portal,{INTEGRATION}",
            name=login,
            partner_id=contact.id,
        )
        user.b2b_api_dealer_ids = linked
        return user

    def api(self, user=None):
        return self.env["b2b.api"].with_user(user or self.user_a)

    def orders(self, dealer=None):
        return self.env["sale.order"].search_count(
            [("partner_id", "child_of", (dealer or self.dealer_a).id)]
        )

    def submit(self, key, lines=None, user=None, **vals):
        payload = {
            "idempotency_key": key,
            "lines": lines
            if lines is not None
            else [
                {"sku": "API-PUMP", "quantity": 2},
                {"product_id": self.product_2.id, "quantity": 5},
            ],
            **vals,
        }
        return self.api(user).submit_order(payload)

    def assertCodes(self, result, expected):
        """``expected``: (code, line index or None) of every error."""
        expected = [(code, -1 if line is None else line) for code, line in expected]
        self.assertFalse(result["ok"], result)
        self.assertEqual(
            sorted((e["code"], e.get("line", -1)) for e in result["errors"]),
            sorted(expected),
        )
