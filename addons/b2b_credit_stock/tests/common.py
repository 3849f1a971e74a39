# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.b2b_credit_sale.tests.common import B2bCreditSaleCommon


class B2bCreditStockCommon(B2bCreditSaleCommon):
    """The sales fixtures with a storable product, so orders make deliveries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.type = "consu"

    def _ready_delivery(self, order):
        picking = order.picking_ids
        picking.move_ids.quantity = order.order_line.product_uom_qty
        picking.move_ids.picked = True
        return picking
