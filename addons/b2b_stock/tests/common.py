# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class B2bStockCommon(B2bTestFactory, TransactionCase):
    """Two warehouses of the company (its first one and B2B South), an
    approved dealer, storable products and a service."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.wh1 = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.wh2 = cls.env["stock.warehouse"].create(
            {"name": "B2B South", "code": "B2BS"}
        )
        cls.dealer = cls._b2b_dealer("Stock Dealer", "STK-D1", state="approved")
        cls.pump = cls._b2b_product("Stock Pump", "STK-PUMP", storable=True)
        cls.valve = cls._b2b_product("Stock Valve", "STK-VALVE", storable=True)
        cls.service = cls._b2b_product("Stock Service", "STK-SRV", type="service")

    @classmethod
    def _stock(cls, product, warehouse, qty):
        cls.env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, qty
        )

    def _company_warehouses(self):
        return self.env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)]
        )
