# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bStockCommon


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bStockCommon):
    """A company that set nothing: exact figures, Odoo's own free quantity,
    every warehouse of the company (and only of that company), for dealers
    and other customers alike."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.pump, cls.wh1, 30)
        cls._stock(cls.pump, cls.wh2, 7)
        cls.customer = cls.env["res.partner"].create({"name": "Stock Walk-in"})
        cls.company_b = cls.env["res.company"].create({"name": "B2B Stock Co B"})
        cls.wh_b = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        cls.env["stock.quant"].with_company(cls.company_b)._update_available_quantity(
            cls.pump, cls.wh_b.lot_stock_id, 99
        )

    def test_defaults(self):
        self.assertEqual(self.company_b.b2b_stock_display, "exact")
        self.assertEqual(self.company_b.b2b_stock_low_threshold, 10)
        self.assertEqual(self.company_b.b2b_stock_band_cap, 100)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.b2b_stock_display, "exact")

    def test_every_warehouse_of_the_company(self):
        for partner in (self.dealer, self.customer):
            warehouses = partner._b2b_stock_warehouses(self.company)
            self.assertEqual(warehouses, self._company_warehouses())
            self.assertNotIn(self.wh_b, warehouses)
            self.assertEqual(partner._b2b_stock_warehouses(self.company_b), self.wh_b)

    def test_same_figures_as_odoo(self):
        answer = self.pump._b2b_dealer_availability(self.dealer, self.company)
        pump = answer[self.pump.id]
        in_company = self.pump.with_context(allowed_company_ids=self.company.ids)
        self.assertEqual(pump["available"], in_company.free_qty)
        self.assertEqual(pump["display"], "37")
        for line in pump["warehouses"]:
            odoo = self.pump.with_context(warehouse_id=line["warehouse_id"])
            self.assertEqual(line["available"], odoo.free_qty)
        other = self.pump._b2b_dealer_availability(self.dealer, self.company_b)
        self.assertEqual(other[self.pump.id]["available"], 99)
        self.assertEqual(
            [w["warehouse_id"] for w in other[self.pump.id]["warehouses"]],
            self.wh_b.ids,
        )

    def test_settings_page(self):
        """The Inventory settings page shows and saves the display."""
        settings = self.env["res.config.settings"].create(
            {"b2b_stock_display": "bands", "b2b_stock_band_cap": 50}
        )
        settings.execute()
        self.assertEqual(self.company.b2b_stock_display, "bands")
        self.assertEqual(self.company.b2b_stock_band_cap, 50)
        view = self.env.ref("b2b_stock.res_config_settings_view_form")
        self.assertIn("b2b_stock_display", view.arch_db)
