# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One path per rule: the same line gets the same verdict and the same price
on every surface (catalogue, quick order, CSV upload, backend, API)."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

PURCHASER = "base.group_portal,b2b_base.b2b_base_group_buyer_purchaser"
INTEGRATION = "base.group_portal,b2b_api.b2b_api_group_integration"


@tagged("post_install", "-at_install")
class TestOnePath(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the API's rate limiter counts on a cursor of its own (see b2b_api)
        cls.registry.enter_test_mode(cls.cr)
        cls.addClassCleanup(cls.registry.leave_test_mode)
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        env = cls.env
        cls.categ = env["product.category"].create({"name": "One Path Valves"})
        Product = env["product.product"]
        common = {"type": "consu", "taxes_id": [Command.clear()]}
        cls.pump = Product.create(
            {"name": "OP Pump", "default_code": "OP-PUMP", "list_price": 100.0} | common
        )
        cls.valve = Product.create(
            {
                "name": "OP Valve",
                "default_code": "OP-VALVE",
                "list_price": 10.0,
                "categ_id": cls.categ.id,
            }
            | common
        )
        cls.old = Product.create(
            {"name": "OP Old", "default_code": "OP-OLD", "active": False} | common
        )
        cls.service = Product.create(
            {"name": "OP Fee", "default_code": "OP-FEE", "sale_ok": False} | common
        )
        choice = env["product.combo"].create(
            {
                "name": "OP Kit Choice",
                "combo_item_ids": [Command.create({"product_id": cls.pump.id})],
            }
        )
        cls.combo = Product.create(
            {
                "name": "OP Kit",
                "default_code": "OP-KIT",
                "type": "combo",
                "combo_ids": [Command.set(choice.ids)],
            }
        )
        # product, category and global rules, as a brand sets them up
        cls.pricelist = env["product.pricelist"].create(
            {
                "name": "One Path Gold",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.pump.id,
                            "min_quantity": 10,
                            "compute_price": "fixed",
                            "fixed_price": 90.0,
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "2_product_category",
                            "categ_id": cls.categ.id,
                            "min_quantity": 50,
                            "compute_price": "percentage",
                            "percent_price": 20,
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 5,
                        }
                    ),
                ],
            }
        )
        cls.tier = env["b2b.dealer.tier"].create(
            {
                "name": "One Path Tier",
                "code": "OP-T",
                "company_id": False,
                "pricelist_id": cls.pricelist.id,
            }
        )
        cls.dealer = (
            env["res.partner"]
            .with_context(b2b_import_state=True)
            .create(
                {
                    "name": "One Path Dealer",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": "OP-D",
                    "b2b_tier_id": cls.tier.id,
                    "b2b_state": "approved",
                }
            )
        )
        env["b2b.order.rule"].create(
            {
                "name": "Pumps by 5",
                "rule_type": "quantity",
                "applied_on": "product",
                "product_tmpl_id": cls.pump.product_tmpl_id.id,
                "min_qty": 5,
                "mode": "block",
            }
        )
        cls.purchaser = cls._user("op_purchaser", PURCHASER)
        cls.integrator = cls._user("op_erp", INTEGRATION)
        cls.integrator.b2b_api_dealer_ids = cls.dealer
        cls.salesman = new_test_user(
            env,
            login="op_salesman",
            groups="sales_team.group_sale_salesman_all_leads",
            name="OP Salesman",
        )

    @classmethod
    def _user(cls, login, groups):
        contact = cls.env["res.partner"].create(
            {"name": login, "parent_id": cls.dealer.id, "email": f"{login}@ex.com"}
        )
        return new_test_user(
            cls.env, login=login, groups=groups, name=login, partner_id=contact.id
        )

    # ------------------------------------------------------------------
    # One price per product and quantity
    # ------------------------------------------------------------------
    def _catalogue_price(self, product, quantity):
        """The catalogue's price for ``quantity``: its net price, or the
        last break shown at or below that quantity."""
        levels = (
            self.pricelist.with_user(self.purchaser)
            .sudo()
            ._b2b_price_levels(self.pump | self.valve)
        )
        info = levels[product.id]
        price = info["price"]
        for price_break in info["breaks"]:
            if price_break["quantity"] <= quantity:
                price = price_break["price"]
        return price

    def _quick_order_price(self, product, quantity):
        result = (
            self.env["b2b.quick.order"]
            .with_user(self.purchaser)
            ._b2b_validate([{"line": 1, "sku": product.default_code, "qty": quantity}])
        )
        return result["entries"][0]["price_unit"]

    def _csv_price(self, product, quantity):
        QuickOrder = self.env["b2b.quick.order"].with_user(self.purchaser)
        rows = QuickOrder._b2b_rows_from_file(
            "order.csv", f"sku,quantity\n{product.default_code},{quantity}\n".encode()
        )
        return QuickOrder._b2b_validate(rows)["entries"][0]["price_unit"]

    def _api_price(self, product, quantity):
        res = (
            self.env["b2b.api"]
            .with_user(self.integrator)
            .price_lines(
                {"lines": [{"sku": product.default_code, "quantity": quantity}]}
            )
        )
        self.assertTrue(res["ok"], res)
        return res["lines"][0]["price_unit"]

    def _backend_price(self, product, quantity):
        order = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": quantity}
                        )
                    ],
                }
            )
        )
        return order.order_line.price_unit

    def test_same_price_on_every_surface(self):
        expected = {
            # global rule -5 %, product break at 10 (fixed 90)
            (self.pump, 5): 95.0,
            (self.pump, 10): 90.0,
            (self.pump, 60): 90.0,
            # global rule -5 %, category break at 50 (-20 %)
            (self.valve, 1): 9.5,
            (self.valve, 49): 9.5,
            (self.valve, 50): 8.0,
        }
        surfaces = {
            "catalogue": self._catalogue_price,
            "quick order": self._quick_order_price,
            "CSV upload": self._csv_price,
            "API": self._api_price,
            "backend": self._backend_price,
        }
        for (product, quantity), price in expected.items():
            for surface, get_price in surfaces.items():
                with self.subTest(product=product.name, qty=quantity, surface=surface):
                    self.assertEqual(get_price(product, quantity), price)

    def test_catalogue_shows_category_and_list_prices(self):
        levels = self.pricelist._b2b_price_levels(self.pump | self.valve)
        self.assertEqual(
            levels[self.valve.id],
            {
                "price": 9.5,
                "list_price": 10.0,
                "breaks": [{"quantity": 50.0, "price": 8.0, "scope": "line"}],
            },
        )
        self.assertEqual(
            levels[self.pump.id]["breaks"],
            [{"quantity": 10.0, "price": 90.0, "scope": "line"}],
        )

    # ------------------------------------------------------------------
    # One verdict per line
    # ------------------------------------------------------------------
    def test_same_verdict_on_every_surface(self):
        cases = [
            ("OP-NOPE", 1, "UNKNOWN_SKU", "Unknown product OP-NOPE."),
            ("OP-OLD", 1, "PRODUCT_UNAVAILABLE", "archived"),
            ("OP-FEE", 1, "PRODUCT_UNAVAILABLE", "cannot be sold"),
            ("OP-KIT", 1, "PRODUCT_UNAVAILABLE", "combo product"),
            ("OP-VALVE", 0.001, "INVALID_QUANTITY", "finer than the unit"),
        ]
        QuickOrder = self.env["b2b.quick.order"].with_user(self.purchaser)
        Api = self.env["b2b.api"].with_user(self.integrator)
        for sku, quantity, code, text in cases:
            with self.subTest(sku=sku, quantity=quantity):
                portal = QuickOrder._b2b_validate(
                    [{"line": 1, "sku": sku, "qty": str(quantity)}]
                )["entries"][0]["error"]
                csv = QuickOrder._b2b_validate(
                    QuickOrder._b2b_rows_from_file(
                        "o.csv", f"{sku},{quantity}\n".encode()
                    )
                )["entries"][0]["error"]
                api = Api.price_lines({"lines": [{"sku": sku, "quantity": quantity}]})
                submit = Api.submit_order(
                    {
                        "idempotency_key": f"op-{sku}-{quantity}",
                        "lines": [{"sku": sku, "quantity": quantity}],
                    }
                )
                self.assertIn(text, portal)
                self.assertEqual(csv, portal)
                for res in (api, submit):
                    self.assertFalse(res["ok"])
                    self.assertEqual(
                        [(e["code"], e["message"]) for e in res["errors"]],
                        [(code, portal)],
                    )

    def test_order_rule_same_verdict(self):
        """A minimum quantity blocks the quick order row, the backend
        confirmation and the API submission with the same message."""
        portal = (
            self.env["b2b.quick.order"]
            .with_user(self.purchaser)
            ._b2b_validate([{"line": 1, "sku": "OP-PUMP", "qty": "3"}])
        )["entries"][0]["error"]
        self.assertIn("5", portal)
        order = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.pump.id, "product_uom_qty": 3}
                        )
                    ],
                }
            )
        )
        with self.assertRaises(UserError) as caught:
            order.action_confirm()
        self.assertIn(portal, str(caught.exception))
        res = (
            self.env["b2b.api"]
            .with_user(self.integrator)
            .submit_order(
                {
                    "idempotency_key": "op-moq",
                    "lines": [{"sku": "OP-PUMP", "quantity": 3}],
                }
            )
        )
        self.assertFalse(res["ok"])
        self.assertEqual(res["errors"][0]["code"], "ORDER_REFUSED")
        self.assertIn(portal, res["errors"][0]["message"])
