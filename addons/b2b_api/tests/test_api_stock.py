# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiRegionalStock(B2bApiCommon):
    """Regional inventory over the API: a dealer's key reads its own
    warehouses' figures only (available to promise), and the order status
    says which warehouse ships what."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wh_east, cls.wh_south = cls.env["stock.warehouse"].create(
            [
                {"name": "API East", "code": "APIE"},
                {"name": "API South", "code": "APIS"},
            ]
        )
        # East's dealers: East, then South; South's dealers: South only
        cls.region_east, cls.region_south = cls.env["b2b.dealer.region"].create(
            [
                {
                    "name": "API East Region",
                    "company_id": False,
                    "b2b_warehouse_ids": [
                        Command.create({"warehouse_id": cls.wh_east.id, "sequence": 1}),
                        Command.create(
                            {"warehouse_id": cls.wh_south.id, "sequence": 2}
                        ),
                    ],
                },
                {
                    "name": "API South Region",
                    "company_id": False,
                    "b2b_warehouse_ids": [
                        Command.create({"warehouse_id": cls.wh_south.id})
                    ],
                },
            ]
        )
        cls.dealer_a.b2b_region_id = cls.region_east
        cls.dealer_b.b2b_region_id = cls.region_south
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.product, cls.wh_east.lot_stock_id, 10)
        Quant._update_available_quantity(cls.product, cls.wh_south.lot_stock_id, 8)

    def _lines(self, user, **payload):
        res = self.api(user).product_availability({"skus": ["API-PUMP"], **payload})
        self.assertTrue(res["ok"], res)
        return res["lines"]

    def test_own_warehouses_only(self):
        [pump] = self._lines(self.user_a)
        self.assertEqual([w["warehouse"] for w in pump["warehouses"]], ["APIE", "APIS"])
        self.assertEqual(pump["available"], 18)  # not the main warehouse's 42
        self.assertEqual(pump["warehouses"][0]["name"], "API East")
        self.assertEqual(pump["warehouses"][0]["state"], "in")
        self.assertEqual(pump["warehouses"][1]["display"], "8")
        [pump] = self._lines(self.user_b)
        self.assertEqual([w["warehouse"] for w in pump["warehouses"]], ["APIS"])
        self.assertEqual(pump["available"], 8)
        # one of its own codes: that warehouse only, the figure over it
        [pump] = self._lines(self.user_a, warehouses=["APIS"])
        self.assertEqual([w["warehouse"] for w in pump["warehouses"]], ["APIS"])
        self.assertEqual((pump["available"], pump["state"]), (8, "low"))

    def test_other_region_s_codes_are_unknown(self):
        """Naming another region's warehouse (or one of no region) reads
        nothing: the same error as a code that does not exist, which does not
        even say the code exists."""
        for user, codes in (
            (self.user_b, ["APIE"]),
            (self.user_b, ["APIS", "APIE"]),
            (self.user_a, [self.warehouse.code]),
            (self.user_b, [self.warehouse.code, "NOPE"]),
        ):
            with self.subTest(codes=codes):
                res = self.api(user).product_availability(
                    {"skus": ["API-PUMP"], "warehouses": codes}
                )
                self.assertCodes(res, [("UNKNOWN_WAREHOUSE", None)])
                self.assertNotIn("APIS", res["errors"][0]["message"])
                self.assertNotIn("10", str(res))
        # the brand's system, for dealer B: B's warehouses only
        res = self.api(self.user_brand).product_availability(
            {"dealer": "API-B", "skus": ["API-PUMP"], "warehouses": ["APIE"]}
        )
        self.assertCodes(res, [("UNKNOWN_WAREHOUSE", None)])
        res = self.api(self.user_brand).product_availability(
            {"dealer": "API-B", "skus": ["API-PUMP"]}
        )
        self.assertEqual(
            [w["warehouse"] for w in res["lines"][0]["warehouses"]], ["APIS"]
        )

    def test_available_to_promise_and_incoming(self):
        """Another dealer's confirmed order takes from the figure; an
        expected receipt shows its day and quantity."""
        order = self.submit(
            "atp-b", lines=[{"sku": "API-PUMP", "quantity": 5}], user=self.user_b
        )
        self.assertEqual(order["state"], "sale", order)
        [pump] = self._lines(self.user_a)
        south = pump["warehouses"][1]
        self.assertEqual((south["available"], south["state"]), (3, "low"))
        self.assertEqual(south["on_hand"], 8)
        self.assertEqual(pump["available"], 13)
        supplier = self.env.ref("stock.stock_location_suppliers")
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.wh_east.in_type_id.id,
                "location_id": supplier.id,
                "location_dest_id": self.wh_east.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "in",
                            "product_id": self.product.id,
                            "product_uom_qty": 30,
                            "location_id": supplier.id,
                            "location_dest_id": self.wh_east.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        [pump] = self._lines(self.user_a)
        east = pump["warehouses"][0]
        self.assertRegex(east["incoming_date"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertEqual(east["incoming_qty"], 30)
        self.assertEqual(pump["incoming_qty"], 30)
        self.assertFalse(pump["warehouses"][1]["incoming_date"])

    def test_bands_hide_the_figures(self):
        self.company.write({"b2b_stock_display": "bands", "b2b_stock_low_threshold": 9})
        [pump] = self._lines(self.user_a)
        self.assertEqual(pump["display"], "In stock")
        self.assertEqual(pump["state"], "in")
        south = pump["warehouses"][1]
        self.assertEqual((south["display"], south["state"]), ("Low stock", "low"))
        for figures in (pump, south):
            for key in ("available", "incoming_qty"):
                self.assertIs(figures[key], False)
        self.assertIs(south["on_hand"], False)
        self.assertIs(south["reserved"], False)

    def test_order_status_per_warehouse(self):
        """15 pumps for dealer A: East has 10, South 8: the line is split,
        one delivery per warehouse, each line says where it ships from."""
        res = self.submit(
            "split-a",
            lines=[
                {"sku": "API-PUMP", "quantity": 15},
                {"product_id": self.product_2.id, "quantity": 1},
            ],
        )
        self.assertEqual(res["state"], "sale", res)
        status = self.api().order_status({"order_id": res["order_id"]})
        self.assertTrue(status["ok"], status)
        pump, valve = status["lines"]
        self.assertEqual(pump["warehouse"], "APIE")
        self.assertEqual(
            pump["warehouses"],
            [
                {"warehouse": "APIE", "quantity": 10},
                {"warehouse": "APIS", "quantity": 5},
            ],
        )
        self.assertEqual(valve["warehouse"], "APIE")
        self.assertEqual(valve["warehouses"], [{"warehouse": "APIE", "quantity": 1}])
        deliveries = status["deliveries"]
        self.assertEqual(sorted(d["warehouse"] for d in deliveries), ["APIE", "APIS"])
        for delivery in deliveries:
            self.assertTrue(delivery["scheduled_date"])
            self.assertEqual(delivery["state"], "assigned")
        # a quotation: planned from the region's default warehouse
        quote = self.submit(
            "quote-a", lines=[{"sku": "API-PUMP", "quantity": 1}], confirm=False
        )
        status = self.api().order_status({"order_id": quote["order_id"]})
        self.assertEqual(status["lines"][0]["warehouse"], "APIE")
        self.assertEqual(status["lines"][0]["warehouses"], [])
        self.assertEqual(status["deliveries"], [])

    def test_query_count_flat(self):
        products = self.env["product.product"].create(
            [
                {
                    "name": f"API Bulk {i}",
                    "default_code": f"API-BULK-{i}",
                    "type": "consu",
                    "is_storable": True,
                }
                for i in range(30)
            ]
        )
        skus = products.mapped("default_code")
        api = self.api()

        def count(codes):
            api.product_availability({"skus": codes})  # warm the caches
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            res = api.product_availability({"skus": codes})
            self.assertTrue(res["ok"], res)
            return self.env.cr.sql_log_count - start

        self.assertEqual(count(skus[:1]), count(skus))
