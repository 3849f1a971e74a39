# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _b2b_stock_levels(self, warehouses):
        """Stock of the products per warehouse, as dealers see it:
        ``{(product id, warehouse id): {"on_hand", "reserved", "free"}}``
        for every product of ``self`` and warehouse of ``warehouses``.

        The one availability rule of the suite (portal catalogue, API,
        and the regional inventory to come): Odoo's ``qty_available`` and
        ``free_qty`` in the warehouse's context, i.e. the quants of the
        internal locations under the warehouse's view location, minus their
        reservations for ``free``; computed in one grouped query for all
        products and warehouses instead of Odoo's per-warehouse computation.
        """
        levels = {
            (product.id, warehouse.id): {"on_hand": 0.0, "reserved": 0.0, "free": 0.0}
            for product in self
            for warehouse in warehouses
        }
        if not self or not warehouses:
            return levels
        # sudo: stock quantities only (an aggregate), of the given warehouses
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", self.ids),
                    ("location_id.usage", "=", "internal"),
                    ("location_id.warehouse_id", "in", warehouses.ids),
                ],
                ["product_id", "location_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        for product, location, quantity, reserved in groups:
            level = levels[(product.id, location.warehouse_id.id)]
            level["on_hand"] += quantity
            level["reserved"] += reserved
        for level in levels.values():
            level["free"] = level["on_hand"] - level["reserved"]
        return levels

    def _b2b_free_quantities(self, company):
        """{product id: free quantity} over the warehouses of ``company``
        (see :meth:`_b2b_stock_levels`)."""
        # sudo: the company's warehouses, read for their stock only
        warehouses = (
            self.env["stock.warehouse"].sudo().search([("company_id", "=", company.id)])
        )
        levels = self._b2b_stock_levels(warehouses)
        free = dict.fromkeys(self.ids, 0.0)
        for (product_id, _warehouse_id), level in levels.items():
            free[product_id] += level["free"]
        return free
