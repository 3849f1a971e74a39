# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import B2bSaleStockCommon


@tagged("post_install", "-at_install")
class TestDealerAvailability(B2bSaleStockCommon):
    """A dealer of a region with warehouses sees those warehouses only, in
    the list's order, with their available to promise and next incoming."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_dealer = cls._b2b_dealer(
            "Availability Other",
            "SS-AV2",
            state="approved",
            b2b_region_id=cls.region.id,
        )
        cls._stock(cls.pump, cls.wh_east, 10)
        cls._stock(cls.pump, cls.wh_south, 5)
        cls._stock(cls.pump, cls.main_wh, 500)

    def _answer(self, dealer=None, products=None, **kwargs):
        products = products or self.pump
        return products._b2b_dealer_availability(
            dealer or self.dealer, self.company, **kwargs
        )

    def test_only_the_region_s_warehouses_in_order(self):
        self.assertEqual(
            self.dealer._b2b_stock_warehouses(self.company).ids,
            [self.wh_east.id, self.wh_south.id],
        )
        pump = self._answer()[self.pump.id]
        self.assertEqual(
            [w["code"] for w in pump["warehouses"]], ["BTE", "BTS"]
        )  # the main warehouse's 500 are not the dealer's
        self.assertEqual(pump["available"], 15)
        # the order of the list is the region's
        self.region.b2b_warehouse_ids.filtered(
            lambda line: line.warehouse_id == self.wh_south
        ).sequence = 0
        pump = self._answer()[self.pump.id]
        self.assertEqual([w["code"] for w in pump["warehouses"]], ["BTS", "BTE"])
        # a contact of the dealer sees the dealer's warehouses
        contact = self.env["res.partner"].create(
            {"name": "Dealer Contact", "parent_id": self.dealer.id}
        )
        self.assertEqual(
            contact._b2b_stock_warehouses(self.company), self.wh_south | self.wh_east
        )

    def test_available_to_promise(self):
        """Another dealer's confirmed order takes from the figure; the
        dealer's own confirmed order can be left out; incoming shown."""
        order = self._confirm(self.other_dealer, [(self.pump, 8)])
        pump = self._answer()[self.pump.id]
        east = pump["warehouses"][0]
        self.assertEqual((east["available"], east["state"]), (2, "low"))
        self.assertEqual(east["display"], "2")
        self.assertEqual(pump["available"], 7)
        pump = self._answer(exclude_order=order)[self.pump.id]
        self.assertEqual(pump["warehouses"][0]["available"], 10)
        # incoming: the earliest day over the warehouses and its quantity
        soon = fields.Datetime.now() + timedelta(days=2)
        supplier = self.env.ref("stock.stock_location_suppliers")
        for warehouse, qty, date in (
            (self.wh_south, 6, soon),
            (self.wh_east, 4, soon),
            (self.wh_east, 30, soon + timedelta(days=5)),
        ):
            picking = self.env["stock.picking"].create(
                {
                    "picking_type_id": warehouse.in_type_id.id,
                    "location_id": supplier.id,
                    "location_dest_id": warehouse.lot_stock_id.id,
                    "scheduled_date": date,
                    "move_ids": [
                        Command.create(
                            {
                                "name": "in",
                                "product_id": self.pump.id,
                                "product_uom_qty": qty,
                                "location_id": supplier.id,
                                "location_dest_id": warehouse.lot_stock_id.id,
                                "date": date,
                            }
                        )
                    ],
                }
            )
            picking.action_confirm()
        pump = self._answer()[self.pump.id]
        self.assertEqual(pump["incoming_date"], soon.date())
        self.assertEqual(pump["incoming_qty"], 10)
        south = pump["warehouses"][1]
        self.assertEqual(
            (south["incoming_date"], south["incoming_qty"]), (soon.date(), 6)
        )

    def test_bands_over_available_to_promise(self):
        self.company.write({"b2b_stock_display": "bands", "b2b_stock_low_threshold": 6})
        self._confirm(self.other_dealer, [(self.pump, 10)])
        pump = self._answer()[self.pump.id]
        self.assertEqual(
            [w["display"] for w in pump["warehouses"]], ["Out of stock", "Low stock"]
        )
        self.assertEqual(pump["display"], "Low stock")

    def test_without_region_list_every_company_warehouse(self):
        """A dealer without a region, a customer, or a dealer in a company
        without a list: every warehouse of the company (b2b_stock's)."""
        all_warehouses = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)]
        )
        plain_dealer = self._b2b_dealer("No Region", "SS-AV3", state="approved")
        for partner in (plain_dealer, self.customer):
            self.assertEqual(
                partner._b2b_stock_warehouses(self.company), all_warehouses
            )
        company_b = self.env["res.company"].create({"name": "B2B Avail Co B"})
        wh_b = self.env["stock.warehouse"].search([("company_id", "=", company_b.id)])
        self.assertEqual(self.dealer._b2b_stock_warehouses(company_b), wh_b)
        pump = self.pump._b2b_dealer_availability(plain_dealer, self.company)
        self.assertEqual(pump[self.pump.id]["available"], 515)

    def test_query_count(self):
        """1 or 50 products over 5 warehouses of the region: the same
        queries, at most five."""
        extra = self.env["stock.warehouse"].create(
            [{"name": f"B2B Avail {i}", "code": f"BA{i}"} for i in range(3)]
        )
        self.region.b2b_warehouse_ids = [
            Command.create({"warehouse_id": wh.id, "sequence": 10 + i})
            for i, wh in enumerate(extra)
        ]
        products = self.env["product.product"].create(
            [
                {"name": f"Avail Bulk {i}", "is_storable": True, "type": "consu"}
                for i in range(50)
            ]
        )
        for product in products[:20]:
            self._stock(product, self.wh_east, 3)
            self._stock(product, extra[0], 2)
        self._confirm(self.other_dealer, [(product, 1) for product in products[:20]])

        def count(records):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            # the language of a request (else Odoo's formatting reads the
            # company's partner for it)
            records = records.with_context(lang="en_US")
            answer = records._b2b_dealer_availability(self.dealer, self.company)
            self.assertEqual(len(answer[records[0].id]["warehouses"]), 5)
            return self.env.cr.sql_log_count - start

        count(products)  # the registry caches (region lists, languages)
        small, large = count(products[:1]), count(products)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 5)
        answer = products._b2b_dealer_availability(self.dealer, self.company)
        first = answer[products[0].id]
        self.assertEqual(first["warehouses"][0]["available"], 2)
        self.assertEqual(first["available"], 4)
