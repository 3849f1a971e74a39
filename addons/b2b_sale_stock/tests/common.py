# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class B2bSaleStockCommon(B2bTestFactory, TransactionCase):
    """A region (East) served by two warehouses of the company, East then
    South, besides the company's main warehouse; an approved dealer of the
    region, a customer that is not a dealer, a salesman and storable
    products without stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.main_wh = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.wh_east, cls.wh_south = cls.env["stock.warehouse"].create(
            [
                {"name": "B2B Test East", "code": "BTE"},
                {"name": "B2B Test South", "code": "BTS"},
            ]
        )
        cls.region = cls.env["b2b.dealer.region"].create(
            {
                "name": "B2B Test Region",
                "company_id": False,
                "b2b_warehouse_ids": [
                    Command.create({"warehouse_id": cls.wh_east.id, "sequence": 1}),
                    Command.create({"warehouse_id": cls.wh_south.id, "sequence": 2}),
                ],
            }
        )
        cls.salesman = cls._b2b_internal_user(
            "b2b_ss_rep", "sales_team.group_sale_salesman", name="Sourcing Rep"
        )
        cls.dealer = cls._b2b_dealer(
            "Sourcing Dealer", "SS-D1", state="approved", b2b_region_id=cls.region.id
        )
        cls.customer = cls.env["res.partner"].create({"name": "Sourcing Walk-in"})
        cls.pump, cls.valve, cls.hose = (
            cls._b2b_product(f"Sourcing {name}", f"SS-{name}", storable=True)
            for name in ("Pump", "Valve", "Hose")
        )
        cls.sticker = cls._b2b_product("Sourcing Sticker", "SS-STK")  # not storable

    @classmethod
    def _stock(cls, product, warehouse, qty):
        cls.env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, qty
        )

    def _confirm(self, partner, lines, user=None, **vals):
        order = self._b2b_order(partner, lines, user=user or self.salesman, **vals)
        order.action_confirm()
        return order

    def _shipped(self, order):
        """``{(warehouse, product): quantity}`` of the order's deliveries."""
        result = {}
        for move in order.picking_ids.move_ids.filtered(lambda m: m.state != "cancel"):
            key = (move.picking_id.picking_type_id.warehouse_id, move.product_id)
            result[key] = result.get(key, 0.0) + move.product_uom_qty
        return result
