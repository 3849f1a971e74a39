# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bStockAnalysisCommon

NOW = datetime(2026, 3, 2, 12, 0)


def ago(days):
    return NOW - timedelta(days=days)


@tagged("post_install", "-at_install")
class TestAgeing(B2bStockAnalysisCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["b2b.stock.ageing.report"]

    def _rows(self, domain, groupby, aggregates=("quantity:sum",), user=None):
        Report = self.Report.with_user(user or self.stock_user)
        return Report._read_group(domain, groupby, list(aggregates))

    # ------------------------------------------------------------------
    # What Odoo's quant in_date does (the base of the report)
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_odoo_in_date_across_moves(self):
        received = ago(200)
        self._stock(self.pump, self.wh_north, 50, in_date=received)
        # an internal transfer between warehouses (one picking, North to West)
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.wh_north.int_type_id.id,
                "location_id": self.wh_north.lot_stock_id.id,
                "location_dest_id": self.wh_west.lot_stock_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "transfer",
                            "product_id": self.pump.id,
                            "product_uom": self.pump.uom_id.id,
                            "product_uom_qty": 20,
                            "location_id": self.wh_north.lot_stock_id.id,
                            "location_dest_id": self.wh_west.lot_stock_id.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.quantity = 20
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self._quant(self.pump, self.wh_west).in_date, received)
        self.assertEqual(self._quant(self.pump, self.wh_north).in_date, received)
        # through the company's inter-warehouse transit location (two steps,
        # as Odoo's resupply routes do): kept too
        transit = self.company.internal_transit_location_id
        self._move(
            self.valve,
            self.env.ref("stock.stock_location_suppliers"),
            self.wh_north.lot_stock_id,
            10,
        )
        self._quant(self.valve, self.wh_north).in_date = received
        self._move(self.valve, self.wh_north.lot_stock_id, transit, 10)
        self._move(self.valve, transit, self.wh_west.lot_stock_id, 10)
        self.assertEqual(self._quant(self.valve, self.wh_west).in_date, received)
        # a receipt into a location that has stock: Odoo keeps the oldest
        # date on the merged quant; into an empty one: the day of receipt
        self._move(
            self.pump,
            self.env.ref("stock.stock_location_suppliers"),
            self.wh_west.lot_stock_id,
            5,
        )
        self.assertEqual(self._quant(self.pump, self.wh_west).in_date, received)
        self.assertEqual(self._quant(self.pump, self.wh_west).quantity, 25)
        self._move(
            self.valve,
            self.env.ref("stock.stock_location_suppliers"),
            self.wh_north.lot_stock_id,
            5,
        )
        self.assertEqual(self._quant(self.valve, self.wh_north).in_date, NOW)
        # and the report: the transferred stock is as old in West as in North
        rows = self._rows(
            [("product_id", "=", self.pump.id)], ["warehouse_id", "age_bucket"]
        )
        self.assertEqual(
            rows,
            [(self.wh_north, "d_181_365", 30.0), (self.wh_west, "d_181_365", 25.0)],
        )

    # ------------------------------------------------------------------
    # Age buckets
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_age_buckets(self):
        ages = {0: 1, 30: 2, 31: 4, 90: 8, 91: 16, 180: 32, 181: 64, 365: 128, 366: 256}
        Location = self.env["stock.location"]
        for days, qty in ages.items():
            location = Location.create(
                {"name": f"Shelf {days}", "location_id": self.wh_north.lot_stock_id.id}
            )
            self.env["stock.quant"]._update_available_quantity(
                self.pump, location, qty, in_date=ago(days)
            )
        rows = self._rows(
            [("product_id", "=", self.pump.id)],
            ["age_bucket"],
            ["quantity:sum", "age_days:max", "in_date:min"],
        )
        self.assertEqual(
            rows,
            [
                ("a_0_30", 3.0, 30, ago(30)),
                ("b_31_90", 12.0, 90, ago(90)),
                ("c_91_180", 48.0, 180, ago(180)),
                ("d_181_365", 192.0, 365, ago(365)),
                ("e_365", 256.0, 366, ago(366)),
            ],
        )
        # a day later, the stock is a day older
        with freeze_time(NOW + timedelta(days=1)):
            self.Report.invalidate_model()
            rows = self._rows([("product_id", "=", self.pump.id)], ["age_bucket"])
        self.assertEqual([qty for _bucket, qty in rows], [1.0, 6.0, 24.0, 96.0, 384.0])
        filtered = self.Report.with_user(self.stock_user).search(
            [("product_id", "=", self.pump.id), ("age_days", ">", 365)]
        )
        self.assertEqual(filtered.mapped("quantity"), [256.0])

    # ------------------------------------------------------------------
    # Value
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_value_for_managers(self):
        self.pump.standard_price = 7.5
        quant = (
            self.env["stock.quant"]
            .with_context(inventory_mode=True)
            .create(
                {
                    "product_id": self.pump.id,
                    "location_id": self.wh_north.lot_stock_id.id,
                    "inventory_quantity": 40,
                }
            )
        )
        quant.action_apply_inventory()
        rows = self._rows(
            [("product_id", "=", self.pump.id)],
            ["warehouse_id"],
            ["quantity:sum", "value:sum"],
            user=self.stock_manager,
        )
        self.assertEqual(rows, [(self.wh_north, 40.0, 300.0)])
        # Odoo shows quant values to stock managers only: so does the report
        row = self.Report.with_user(self.stock_user).search(
            [("product_id", "=", self.pump.id)]
        )
        self.assertEqual(row.quantity, 40.0)
        with self.assertRaises(AccessError):
            row.read(["value"])
        self.assertEqual(row.with_user(self.stock_manager).value, quant.value)

    # ------------------------------------------------------------------
    # Last sale and cover
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_last_sale_and_cover(self):
        stock = self.wh_north.lot_stock_id
        self._stock(self.pump, self.wh_north, 140, in_date=ago(10))
        self._move(self.pump, stock, self.customers, 30, date=ago(5))
        self._move(self.pump, stock, self.customers, 10, date=ago(120))
        shelf = self.env["stock.location"].create(
            {"name": "Old shelf", "location_id": stock.id}
        )
        self.env["stock.quant"]._update_available_quantity(
            self.pump, shelf, 40, in_date=ago(400)
        )
        # a sale from another warehouse is not North's
        self._stock(self.pump, self.wh_west, 10)
        self._move(self.pump, self.wh_west.lot_stock_id, self.customers, 10, ago(1))
        rows = self.Report.with_user(self.stock_user).search(
            [
                ("product_id", "=", self.pump.id),
                ("warehouse_id", "=", self.wh_north.id),
            ],
            order="age_bucket",
        )
        self.assertRecordValues(
            rows,
            [
                {
                    "age_bucket": "a_0_30",
                    "quantity": 100.0,
                    "last_sale_date": ago(5).date(),
                    "days_since_sale": 5,
                    "sold_90d": 30.0 * 100 / 140,
                    "cover_days": 420.0,
                },
                {
                    "age_bucket": "e_365",
                    "quantity": 40.0,
                    "last_sale_date": ago(5).date(),
                    "days_since_sale": 5,
                    "sold_90d": 30.0 * 40 / 140,
                    "cover_days": 420.0,
                },
            ],
        )
        # grouped: 140 on hand, 30 delivered in 90 days: 420 days of cover
        rows = self._rows(
            [("product_id", "=", self.pump.id)],
            ["warehouse_id"],
            ["quantity:sum", "sold_90d:sum", "cover_days:avg", "days_since_sale:min"],
        )
        self.assertEqual(
            [(wh, round(q, 6), round(s, 6), round(c, 6), d) for wh, q, s, c, d in rows],
            [(self.wh_north, 140.0, 30.0, 420.0, 5)],
        )
        # no delivery in 90 days: no cover figure, the days since the sale
        with freeze_time(NOW + timedelta(days=100)):
            self.Report.invalidate_model()  # a new request
            row = self.Report.with_user(self.stock_user).search(
                [("product_id", "=", self.pump.id), ("age_bucket", "=", "c_91_180")]
            )
            self.assertRecordValues(
                row, [{"days_since_sale": 105, "sold_90d": 0.0, "cover_days": 0.0}]
            )

    # ------------------------------------------------------------------
    # Grouping by region and category
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_region_and_category(self):
        self._stock(self.pump, self.wh_north, 5, in_date=ago(3))
        self._stock(self.valve, self.wh_west, 7, in_date=ago(3))
        self._stock(self.valve, self.wh_north, 2, in_date=ago(3))
        domain = [("product_id", "in", (self.pump | self.valve).ids)]
        # North is first in the region's list; West is first in West's
        self.assertEqual(
            self._rows(domain, ["region_id"]),
            [(self.region, 7.0), (self.region_west, 7.0)],
        )
        self.assertEqual(
            self._rows(domain, ["categ_id"]), [(self.categ_a, 5.0), (self.categ_b, 9.0)]
        )
        Report = self.Report.with_user(self.stock_user)
        self.assertEqual(
            sum(
                Report.search(
                    domain + [("region_id", "=", self.region_west.id)]
                ).mapped("quantity")
            ),
            7.0,
        )
        self.assertEqual(
            Report.search(domain + [("categ_id", "child_of", self.categ_b.id)]).mapped(
                "warehouse_id"
            ),
            self.wh_north | self.wh_west,
        )
        # the export of the list (what the Export button calls, for users
        # allowed to export)
        self.stock_user.groups_id += self.env.ref("base.group_allow_export")
        data = Report.search(domain, order="warehouse_id, product_id").export_data(
            ["warehouse_id", "product_id", "age_bucket", "quantity"]
        )["datas"]
        self.assertEqual(len(data), 3)
        self.assertIn("0-30 days", [row[2] for row in data])

    # ------------------------------------------------------------------
    # The views, as the web client loads them
    # ------------------------------------------------------------------
    @freeze_time(NOW)
    def test_views_as_stock_user_and_manager(self):
        self._stock(self.pump, self.wh_north, 5, in_date=ago(400))
        self._stock(self.valve, self.wh_west, 7, in_date=ago(3))
        views = [(False, "list"), (False, "pivot"), (False, "graph"), (False, "search")]
        for user, sees_value in ((self.stock_user, False), (self.stock_manager, True)):
            Report = self.Report.with_user(user)
            result = Report.get_views(views)
            for view_type in ("list", "pivot"):
                arch = result["views"][view_type]["arch"]
                self.assertEqual('name="value"' in arch, sees_value, (user, view_type))
            search = result["views"]["search"]["arch"]
            for name in (
                "group_region",
                "group_warehouse",
                "group_category",
                "group_age",
            ):
                self.assertIn(name, search)
            groups = Report.web_read_group(
                [("product_id", "in", (self.pump | self.valve).ids)],
                ["quantity:sum", "cover_days:avg"],
                ["warehouse_id", "age_bucket"],
                lazy=False,
            )["groups"]
            self.assertEqual(
                [
                    (g["warehouse_id"][0], g["age_bucket"], g["quantity"])
                    for g in groups
                ],
                [(self.wh_north.id, "e_365", 5.0), (self.wh_west.id, "a_0_30", 7.0)],
            )
