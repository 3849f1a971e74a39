# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command

from odoo.addons.b2b_portal.tests.common import B2bPortalHttpCommon


class B2bPortalStockCommon(B2bPortalHttpCommon):
    """Dealer A in a region served by two warehouses, East (BPE) then
    South (BPW), besides the company's main one (WH, where the portal's
    common data has 100 caps); caps: 3 in East, 4 in South (5 caps: no
    single warehouse covers them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wh_main = cls.env.ref("stock.warehouse0")
        cls.wh_east, cls.wh_south = cls.env["stock.warehouse"].create(
            [
                {"name": "B2B Portal East", "code": "BPE"},
                {"name": "B2B Portal South", "code": "BPW"},
            ]
        )
        cls.region = cls.env["b2b.dealer.region"].create(
            {
                "name": "B2B Portal Region",
                "company_id": False,
                "b2b_warehouse_ids": [
                    Command.create({"warehouse_id": cls.wh_east.id, "sequence": 1}),
                    Command.create({"warehouse_id": cls.wh_south.id, "sequence": 2}),
                ],
            }
        )
        cls.dealer_a.b2b_region_id = cls.region
        cls._stock(cls.cap, cls.wh_east, 3.0)
        cls._stock(cls.cap, cls.wh_south, 4.0)

    @classmethod
    def _stock(cls, product, warehouse, qty):
        cls.env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, qty
        )
