# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestStockLevels(TransactionCase):
    """The availability rule gives Odoo's own figures, per warehouse, in a
    number of queries that does not grow with the products."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wh1 = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.wh2 = cls.env["stock.warehouse"].create(
            {"name": "B2B South", "code": "B2BS"}
        )
        cls.products = cls.env["product.product"].create(
            [
                {"name": f"B2B Stock {index}", "is_storable": True, "type": "consu"}
                for index in range(20)
            ]
        )
        cls.pump, cls.valve = cls.products[:2]
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.pump, cls.wh1.lot_stock_id, 30)
        Quant._update_available_quantity(cls.pump, cls.wh2.lot_stock_id, 7)
        Quant._update_available_quantity(cls.valve, cls.wh2.lot_stock_id, 5)
        # a delivery of 12 pumps from the first warehouse reserves them
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.wh1.out_type_id.id,
                "location_id": cls.wh1.lot_stock_id.id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "pump",
                            "product_id": cls.pump.id,
                            "product_uom_qty": 12,
                            "product_uom": cls.pump.uom_id.id,
                            "location_id": cls.wh1.lot_stock_id.id,
                            "location_dest_id": cls.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()

    def test_same_figures_as_odoo(self):
        warehouses = self.wh1 | self.wh2
        levels = self.products[:2]._b2b_stock_levels(warehouses)
        self.assertEqual(
            levels[(self.pump.id, self.wh1.id)],
            {"on_hand": 30.0, "reserved": 12.0, "free": 18.0},
        )
        self.assertEqual(levels[(self.valve.id, self.wh1.id)]["free"], 0.0)
        for product in self.products[:2]:
            for warehouse in warehouses:
                odoo = product.with_context(warehouse_id=warehouse.id)
                level = levels[(product.id, warehouse.id)]
                self.assertEqual(level["on_hand"], odoo.qty_available)
                self.assertEqual(level["free"], odoo.free_qty)
        free = self.products[:2]._b2b_free_quantities(self.env.company)
        self.assertEqual(free, {self.pump.id: 25.0, self.valve.id: 5.0})
        self.assertEqual(free[self.pump.id], self.pump.free_qty)

    def test_query_count_flat(self):
        warehouses = self.wh1 | self.wh2

        def queries(products):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            products._b2b_stock_levels(warehouses)
            return self.cr.sql_log_count - start

        self.assertEqual(queries(self.products[:2]), queries(self.products))
