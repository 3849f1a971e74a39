# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import B2bSaleStockCommon


@tagged("post_install", "-at_install")
class TestAvailableToPromise(B2bSaleStockCommon):
    """on hand - reserved - what confirmed orders still have to ship, plus
    the next incoming day and quantity, per product and warehouse."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_dealer = cls._b2b_dealer(
            "ATP Other Dealer", "SS-D2", state="approved", b2b_region_id=cls.region.id
        )
        cls._stock(cls.pump, cls.wh_east, 10)
        cls._stock(cls.pump, cls.wh_south, 5)

    def _picking(self, warehouse, picking_type, source, dest, qty, date=None):
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": dest.id,
                **({"scheduled_date": date} if date else {}),
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.pump.name,
                            "product_id": self.pump.id,
                            "product_uom_qty": qty,
                            "product_uom": self.pump.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": dest.id,
                            **({"date": date} if date else {}),
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        return picking

    def _atp(self, exclude_order=None):
        return self.pump._b2b_available_to_promise(
            self.wh_east | self.wh_south, exclude_order=exclude_order
        )[(self.pump.id, self.wh_east.id)]

    def test_arithmetic(self):
        """10 on hand in East; a transfer reserves 2; a confirmed order of
        another dealer has 3 reserved; another has 4 not reserved:
        10 - 2 - (3 + 4) = 1; a quotation counts for nothing."""
        atp = self._atp()
        self.assertEqual(atp["available"], 10)
        self.assertEqual(atp["on_hand"], 10)
        internal = self._picking(
            self.wh_east,
            self.wh_east.int_type_id,
            self.wh_east.lot_stock_id,
            self.wh_east.wh_input_stock_loc_id,
            2,
        )
        internal.action_assign()
        reserved_order = self._confirm(self.other_dealer, [(self.pump, 3)])
        waiting_order = self._confirm(self.other_dealer, [(self.pump, 4)])
        waiting_order.picking_ids.do_unreserve()
        self._b2b_order(self.dealer, [(self.pump, 5)])  # a quotation
        atp = self._atp()
        self.assertEqual(atp["on_hand"], 10)
        self.assertEqual(atp["reserved"], 2)  # for other moves than sales
        self.assertEqual(atp["committed"], 7)
        self.assertEqual(atp["available"], 1)
        self.assertEqual(sum(reserved_order.picking_ids.move_ids.mapped("quantity")), 3)
        # the order being amended does not count against itself
        atp = self._atp(exclude_order=reserved_order)
        self.assertEqual(atp["committed"], 4)
        self.assertEqual(atp["available"], 4)
        # South is untouched
        south = self.pump._b2b_available_to_promise(self.wh_south)[
            (self.pump.id, self.wh_south.id)
        ]
        self.assertEqual(south["available"], 5)
        # delivering the reserved order: on hand and committed both drop
        reserved_order.picking_ids.button_validate()
        atp = self._atp()
        self.assertEqual(
            (atp["on_hand"], atp["committed"], atp["available"]), (7, 4, 1)
        )

    def test_oversold_is_negative(self):
        """12 ordered: 10 from East, 2 from South (split); 3 more forced on
        East by a salesperson: East is oversold by 3."""
        self._confirm(self.other_dealer, [(self.pump, 12)])
        self.assertEqual(self._atp()["available"], 0)
        self._confirm(
            self.dealer, [(self.pump, 3, {"b2b_warehouse_id": self.wh_east.id})]
        )
        atp = self._atp()
        self.assertEqual((atp["committed"], atp["available"]), (13, -3))
        south = self.pump._b2b_available_to_promise(self.wh_south)[
            (self.pump.id, self.wh_south.id)
        ]
        self.assertEqual(south["available"], 3)

    def test_incoming(self):
        """The earliest day something arrives in the warehouse from outside
        it, and what arrives that day; moves inside the warehouse bring
        nothing."""
        soon = fields.Datetime.now() + timedelta(days=3)
        later = soon + timedelta(days=4)
        supplier = self.env.ref("stock.stock_location_suppliers")
        east = self.wh_east
        self._picking(east, east.in_type_id, supplier, east.lot_stock_id, 6, soon)
        self._picking(east, east.in_type_id, supplier, east.lot_stock_id, 4, soon)
        self._picking(east, east.in_type_id, supplier, east.lot_stock_id, 9, later)
        # inside the warehouse: not incoming
        self._picking(
            east,
            east.int_type_id,
            east.wh_input_stock_loc_id,
            east.lot_stock_id,
            50,
            soon - timedelta(days=1),
        )
        atp = self._atp()
        self.assertEqual(atp["incoming_date"], soon.date())
        self.assertEqual(atp["incoming_qty"], 10)
        self.assertEqual(atp["available"], 10)  # incoming is not available
        south = self.pump._b2b_available_to_promise(self.wh_south)[
            (self.pump.id, self.wh_south.id)
        ]
        self.assertFalse(south["incoming_date"])
        self.assertEqual(south["incoming_qty"], 0)
        # a transfer from South to East is incoming for East
        transfer = self._picking(
            east,
            east.int_type_id,
            self.wh_south.lot_stock_id,
            east.lot_stock_id,
            2,
            soon - timedelta(days=2),
        )
        self.assertTrue(transfer)
        atp = self._atp()
        self.assertEqual(atp["incoming_date"], (soon - timedelta(days=2)).date())
        self.assertEqual(atp["incoming_qty"], 2)

    def test_query_count_constant(self):
        """1 or 30 products over 2 warehouses: the same five queries."""
        products = self.env["product.product"].create(
            [
                {"name": f"ATP Bulk {index}", "is_storable": True, "type": "consu"}
                for index in range(30)
            ]
        )
        for product in products:
            self._stock(product, self.wh_east, 3)
        self._confirm(self.other_dealer, [(product, 1) for product in products])
        warehouses = self.wh_east | self.wh_south

        def count(records):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            figures = records._b2b_available_to_promise(warehouses)
            self.assertEqual(len(figures), 2 * len(records))
            return self.env.cr.sql_log_count - start

        small, large = count(products[:1]), count(products)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 5)
        figures = products._b2b_available_to_promise(warehouses)
        self.assertEqual(figures[(products[0].id, self.wh_east.id)]["available"], 2)
