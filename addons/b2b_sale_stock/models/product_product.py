# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import models

#: states of a move that is neither a draft nor finished
OPEN_MOVE_STATES = ("waiting", "confirmed", "partially_available", "assigned")


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _b2b_available_to_promise(self, warehouses, exclude_order=None):
        """Available to promise (可售库存) of the products per warehouse:
        ``{(product id, warehouse id): {"on_hand", "reserved", "committed",
        "available", "incoming_date", "incoming_qty"}}`` for every product of
        ``self`` and warehouse of ``warehouses``, in the product's unit.

        - ``on_hand``, ``reserved``: the suite's availability rule
          (``_b2b_stock_levels``: Odoo's ``qty_available`` and reservations
          in the warehouse);
        - ``committed``: what confirmed sales orders still have to ship from
          the warehouse (their open deliveries' demand), ``exclude_order``'s
          own lines excluded;
        - ``available`` = on hand - reserved - committed, where a
          reservation made *for* a sales order is counted once, in
          ``committed`` (i.e. on hand - reservations of other moves -
          committed); may be negative (oversold);
        - ``incoming_date``, ``incoming_qty``: the day of the earliest open
          move into the warehouse from outside it (receipt, manufacturing,
          transfer from another warehouse) and what arrives that day
          (``False`` / 0 when nothing is expected).

        A quotation has no stock moves: it never counts, whether excluded or
        not; ``exclude_order`` matters for a confirmed order being amended.
        Five queries for any number of products and warehouses.
        """
        result = {
            (product.id, warehouse.id): {
                "on_hand": 0.0,
                "reserved": 0.0,
                "committed": 0.0,
                "available": 0.0,
                "incoming_date": False,
                "incoming_qty": 0.0,
            }
            for product in self
            for warehouse in warehouses
        }
        if not self or not warehouses:
            return result
        # sudo: stock figures (aggregates) of the given warehouses only; the
        # caller decides which warehouses a user may see
        Location = self.env["stock.location"].sudo().with_context(active_test=False)
        locations = Location.search_fetch(
            [("warehouse_id", "in", warehouses.ids), ("usage", "=", "internal")],
            ["warehouse_id"],
        )
        warehouse_of = {location.id: location.warehouse_id.id for location in locations}
        # the locations are in the cache: the rule reads no more of them
        levels = self._b2b_stock_levels(warehouses)
        for key, level in levels.items():
            result[key].update(on_hand=level["on_hand"], reserved=level["reserved"])
        self._b2b_atp_committed(result, locations, warehouse_of, exclude_order)
        self._b2b_atp_incoming(result, locations, warehouse_of)
        for figures in result.values():
            figures["available"] = (
                figures["on_hand"] - figures["reserved"] - figures["committed"]
            )
        return result

    def _b2b_atp_committed(self, result, locations, warehouse_of, exclude_order):
        """Add the sales orders' open demand to ``committed`` and give back
        the reservations made for sales orders (so they count once)."""
        move_domain = [
            ("product_id", "in", self.ids),
            ("sale_line_id", "!=", False),
            ("state", "in", OPEN_MOVE_STATES),
            ("location_id", "in", locations.ids),
            ("location_dest_id.usage", "in", ("customer", "transit")),
        ]
        if exclude_order:
            move_domain.append(("sale_line_id.order_id", "not in", exclude_order.ids))
        # sudo: aggregated open demand of the given warehouses' deliveries
        groups = (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                move_domain, ["product_id", "location_id"], ["product_qty:sum"]
            )
        )
        for product, location, qty in groups:
            result[(product.id, warehouse_of[location.id])]["committed"] += qty
        # what is reserved for any sales order's moves (every step of its
        # deliveries) is part of that order's demand: counted there only
        # sudo: aggregated reservations of the given warehouses
        reserved = (
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", self.ids),
                    ("location_id", "in", locations.ids),
                    ("move_id.state", "in", OPEN_MOVE_STATES),
                    ("move_id.group_id.sale_id", "!=", False),
                ],
                ["product_id", "location_id"],
                ["quantity_product_uom:sum"],
            )
        )
        for product, location, qty in reserved:
            result[(product.id, warehouse_of[location.id])]["reserved"] -= qty

    def _b2b_atp_incoming(self, result, locations, warehouse_of):
        """Set the next incoming day and quantity per product and warehouse."""
        # sudo: aggregated expected receipts of the given warehouses
        groups = (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", self.ids),
                    ("state", "in", OPEN_MOVE_STATES),
                    ("location_dest_id", "in", locations.ids),
                ],
                ["product_id", "location_id", "location_dest_id", "date:day"],
                ["product_qty:sum"],
            )
        )
        for product, source, dest, day, qty in groups:
            warehouse_id = warehouse_of[dest.id]
            if warehouse_of.get(source.id) == warehouse_id:
                continue  # a move inside the warehouse brings nothing in
            if isinstance(day, datetime.datetime):
                day = day.date()
            figures = result[(product.id, warehouse_id)]
            if not figures["incoming_date"] or day < figures["incoming_date"]:
                figures.update(incoming_date=day, incoming_qty=qty)
            elif day == figures["incoming_date"]:
                figures["incoming_qty"] += qty
