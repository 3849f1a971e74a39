# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bStockAnalysisCommon


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bStockAnalysisCommon):
    """A warehouse without a low-stock responsible, or without thresholds,
    works as plain Odoo: no alert, no activity, Odoo's replenishment as
    usual."""

    def test_no_responsible_no_alert(self):
        # North has no responsible: a threshold and a reordering rule that
        # are both under water raise nothing
        self._threshold(self.pump, self.wh_north, 10)
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.valve.id,
                "warehouse_id": self.wh_north.id,
                "location_id": self.wh_north.lot_stock_id.id,
                "product_min_qty": 5,
                "product_max_qty": 10,
            }
        )
        raised, closed = self.Alert.sudo()._b2b_cron_check_low_stock()
        self.assertFalse(raised.filtered(lambda a: a.warehouse_id == self.wh_north))
        self.assertFalse(self._activities(self.pump | self.valve))
        # Odoo's reordering rule still computes what to order
        self.assertEqual(orderpoint.qty_to_order, 10.0)

    def test_no_threshold_no_alert(self):
        # West has a responsible but neither thresholds nor reordering rules
        self._stock(self.pump, self.wh_west, 1)
        raised, _closed = self.Alert.sudo()._b2b_check_low_stock(
            warehouses=self.wh_west
        )
        self.assertFalse(raised)
        self.assertFalse(self._activities(self.pump))

    def test_stock_moves_untouched(self):
        # receipts and deliveries are Odoo's: the module adds no field or
        # step to them; the warehouse form shows the responsible field
        self._stock(self.pump, self.wh_west, 5)
        move = self._move(self.pump, self.wh_west.lot_stock_id, self.customers, 5)
        self.assertEqual(move.state, "done")
        self.assertEqual(
            self.pump.with_context(warehouse_id=self.wh_west.id).qty_available, 0
        )
        arch = self.env["stock.warehouse"].get_view(view_type="form")["arch"]
        self.assertIn("b2b_stock_responsible_id", arch)
