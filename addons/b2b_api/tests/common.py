# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

INTEGRATION = "b2b_api.b2b_api_group_integration"


class B2bApiCommon(B2bTestFactory, TransactionCase):
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
        cls.product = cls._b2b_product(
            "API Pump", "API-PUMP", storable=True, taxes_id=[Command.clear()]
        )
        cls.product_2 = cls._b2b_product(
            "API Valve", "API-VALVE", price=10.0, taxes_id=[Command.clear()]
        )
        cls.product_archived = cls._b2b_product(
            "API Old", "API-OLD", price=5.0, active=False
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.warehouse.lot_stock_id, 42.0
        )
        cls.user_a = cls._integration_user("api_erp_a", cls.dealer_a, cls.dealer_a)
        cls.user_b = cls._integration_user("api_erp_b", cls.dealer_b, cls.dealer_b)
        cls.user_brand = cls._b2b_internal_user(
            "api_edi_brand", f"base.group_user,{INTEGRATION}", name="Brand EDI"
        )
        cls.user_brand.b2b_api_dealer_ids = cls.dealer_a | cls.dealer_b
        cls.portal_plain = cls._b2b_buyer(
            cls.dealer_a, "api_plain_portal", (), name="Plain portal"
        )

    @classmethod
    def _dealer(cls, name, code):
        """An approved dealer of the API tier."""
        return cls._b2b_dealer(name, code, cls.tier, state="approved")

    @classmethod
    def _integration_user(cls, login, dealer, linked):
        """A portal integration user of ``dealer``, linked to ``linked``."""
        user = cls._b2b_buyer(dealer, login, (INTEGRATION,))
        user.b2b_api_dealer_ids = linked
        return user

    def _approval_rule(self):
        """A seller-side rule: orders above 1,000 wait for the administrator."""
        return self.env["b2b.approval.rule"].create(
            {
                "name": "Big API orders",
                "model_id": self.env["ir.model"]._get("sale.order").id,
                "domain": "[('amount_untaxed', '>', 1000)]",
                "step_ids": [
                    Command.create(
                        {
                            "name": "Sales manager",
                            "approver_type": "user",
                            "user_ids": [
                                Command.set(self.env.ref("base.user_admin").ids)
                            ],
                        }
                    )
                ],
            }
        )

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
