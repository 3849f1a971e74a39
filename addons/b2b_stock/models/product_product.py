# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _b2b_stock_levels(self, warehouses):
        """Stock of the products per warehouse, as dealers see it:
        ``{(product id, warehouse id): {"on_hand", "reserved", "free"}}``
        for every product of ``self`` and warehouse of ``warehouses``.

        The one availability rule of the suite (portal catalogue, API, and
        regional inventory): Odoo's ``qty_available`` and ``free_qty`` in
        the warehouse's context, i.e. the quants of the internal locations
        under the warehouse's view location, minus their reservations for
        ``free``; computed in one grouped query for all products and
        warehouses instead of Odoo's per-warehouse computation.
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
                # warehouse_id: Odoo's related location_id.warehouse_id,
                # grouped in SQL (no read of the locations)
                ["product_id", "warehouse_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        for product, warehouse, quantity, reserved in groups:
            level = levels[(product.id, warehouse.id)]
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

    def _b2b_availability_figures(self, warehouses, exclude_order=None):
        """The figures behind a dealer's availability:
        ``{(product id, warehouse id): {"available", "incoming_date",
        "incoming_qty"}}`` in the product's unit. Here the free quantity of
        :meth:`_b2b_stock_levels` (nothing incoming); ``b2b_sale_stock``
        answers with its available to promise (``exclude_order``: the
        dealer's own order, which does not count against itself)."""
        return {
            key: {
                "available": level["free"],
                "incoming_date": False,
                "incoming_qty": 0.0,
            }
            for key, level in self._b2b_stock_levels(warehouses).items()
        }

    def _b2b_dealer_availability(
        self, dealer, company, exclude_order=None, warehouses=None
    ):
        """What ``dealer`` (a commercial partner) may see of the stock of
        the products of ``self`` in ``company``: the one answer of the
        portal and the API.

        ``{product id: {"is_storable", "available", "display", "state",
        "incoming_date", "incoming_qty", "warehouses": [{"warehouse_id",
        "code", "name", "available", "display", "state", "incoming_date",
        "incoming_qty"}]}}`` over ``dealer._b2b_stock_warehouses(company)``,
        in that order; quantities in the product's unit, never below zero
        (an oversold warehouse has nothing available); the product's figure
        is the sum over the warehouses, its incoming the earliest day over
        them (and what arrives that day). ``state``: ``in`` / ``low`` /
        ``out`` (``res.company._b2b_stock_state``), ``none`` for products
        whose stock is not tracked (no figure shown); ``display``: the text
        of ``res.company._b2b_stock_display_text``.

        ``warehouses``: some of the dealer's warehouses (the caller took
        them from ``_b2b_stock_warehouses``, e.g. the API's filter), in
        their order; default: all of them.

        A constant number of queries for any number of products.
        """
        dealer.ensure_one()
        company.ensure_one()
        # the texts in the caller's language (the company may come from
        # another environment)
        company = company.with_env(self.env)
        if warehouses is None:
            warehouses = dealer._b2b_stock_warehouses(company)
        # sudo: code and name of the dealer's own warehouses (fetched with
        # them), for the answer
        warehouse_info = [(wh.id, wh.code, wh.name) for wh in warehouses.sudo()]
        figures = self._b2b_availability_figures(warehouses, exclude_order)
        threshold = company.b2b_stock_low_threshold
        # which products are tracked in stock, in one query (reading
        # is_storable would read the variants, then their templates)
        # sudo: the given products' storable flag only (a portal or API user
        # may not read product.product itself)
        storable = set(
            self.sudo()
            .with_context(active_test=False)
            ._search([("id", "in", self.ids), ("is_storable", "=", True)])
        )
        result = {}
        for product in self:
            if product.id not in storable:
                result[product.id] = self._b2b_availability_untracked(
                    company, warehouse_info
                )
                continue
            per_warehouse = []
            for warehouse_id, code, name in warehouse_info:
                figure = figures[(product.id, warehouse_id)]
                available = max(figure["available"], 0.0)
                state = company._b2b_stock_state(available, threshold)
                per_warehouse.append(
                    {
                        "warehouse_id": warehouse_id,
                        "code": code,
                        "name": name,
                        "available": available,
                        "display": company._b2b_stock_display_text(available, state),
                        "state": state,
                        "incoming_date": figure["incoming_date"],
                        "incoming_qty": figure["incoming_qty"],
                    }
                )
            available = sum(w["available"] for w in per_warehouse)
            dates = [w["incoming_date"] for w in per_warehouse if w["incoming_date"]]
            incoming_date = min(dates) if dates else False
            state = company._b2b_stock_state(available, threshold)
            result[product.id] = {
                "is_storable": True,
                "available": available,
                "display": company._b2b_stock_display_text(available, state),
                "state": state,
                "incoming_date": incoming_date,
                "incoming_qty": sum(
                    w["incoming_qty"]
                    for w in per_warehouse
                    if incoming_date and w["incoming_date"] == incoming_date
                ),
                "warehouses": per_warehouse,
            }
        return result

    def _b2b_availability_untracked(self, company, warehouse_info):
        """The availability of a product whose stock is not tracked."""
        blank = {
            "available": 0.0,
            "display": company._b2b_stock_display_text(0.0, "none"),
            "state": "none",
            "incoming_date": False,
            "incoming_qty": 0.0,
        }
        return {
            "is_storable": False,
            **blank,
            "warehouses": [
                {"warehouse_id": wid, "code": code, "name": name, **blank}
                for wid, code, name in warehouse_info
            ],
        }
