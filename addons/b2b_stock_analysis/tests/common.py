# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class B2bStockAnalysisCommon(B2bTestFactory, TransactionCase):
    """Two warehouses of the company (North, West) in a region's sourcing
    list (North first), a second region served by West only; a stock user
    who is West's low-stock responsible, a stock manager, storable products
    in two categories, no stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.stock_user = cls._b2b_internal_user(
            "b2b_sa_user", "stock.group_stock_user", name="Stock Clerk"
        )
        cls.stock_manager = cls._b2b_internal_user(
            "b2b_sa_manager", "stock.group_stock_manager", name="Stock Manager"
        )
        cls.wh_north, cls.wh_west = cls.env["stock.warehouse"].create(
            [
                {"name": "B2B Analysis North", "code": "BAN"},
                {
                    "name": "B2B Analysis West",
                    "code": "BAW",
                    "b2b_stock_responsible_id": cls.stock_user.id,
                },
            ]
        )
        cls.region = cls.env["b2b.dealer.region"].create(
            {
                "name": "B2B Analysis Region",
                "company_id": False,
                "b2b_warehouse_ids": [
                    Command.create({"warehouse_id": cls.wh_north.id, "sequence": 1}),
                    Command.create({"warehouse_id": cls.wh_west.id, "sequence": 2}),
                ],
            }
        )
        cls.region_west = cls.env["b2b.dealer.region"].create(
            {
                "name": "B2B Analysis Region West",
                "company_id": False,
                "b2b_warehouse_ids": [
                    Command.create({"warehouse_id": cls.wh_west.id, "sequence": 1}),
                ],
            }
        )
        cls.categ_a, cls.categ_b = cls.env["product.category"].create(
            [{"name": "B2B Analysis A"}, {"name": "B2B Analysis B"}]
        )
        cls.pump = cls._b2b_product(
            "Analysis Pump", "SA-PUMP", storable=True, categ_id=cls.categ_a.id
        )
        cls.valve = cls._b2b_product(
            "Analysis Valve", "SA-VALVE", storable=True, categ_id=cls.categ_b.id
        )
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.Alert = cls.env["b2b.stock.alert"]

    @classmethod
    def _stock(cls, product, warehouse, qty, in_date=None):
        cls.env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, qty, in_date=in_date
        )

    @classmethod
    def _threshold(cls, product, warehouse, min_qty):
        return cls.env["b2b.stock.threshold"].create(
            {"product_id": product.id, "warehouse_id": warehouse.id, "min_qty": min_qty}
        )

    @classmethod
    def _move(cls, product, source, dest, qty, date=None):
        """A done move of ``qty`` from ``source`` to ``dest`` (locations),
        dated ``date`` if given."""
        move = cls.env["stock.move"].create(
            {
                "name": product.name,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": qty,
                "location_id": source.id,
                "location_dest_id": dest.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.quantity = qty
        move.picked = True
        move._action_done()
        if date:
            move.write({"date": date})
            move.move_line_ids.write({"date": date})
        return move

    def _quant(self, product, warehouse):
        return self.env["stock.quant"].search(
            [
                ("product_id", "=", product.id),
                ("location_id", "=", warehouse.lot_stock_id.id),
                ("quantity", ">", 0),
            ]
        )

    def _activities(self, products=None):
        domain = [
            (
                "activity_type_id",
                "=",
                self.env.ref("b2b_stock_analysis.mail_activity_type_low_stock").id,
            )
        ]
        if products is not None:
            domain.append(("res_id", "in", products.ids))
        return self.env["mail.activity"].search(domain)
