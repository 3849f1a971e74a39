# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import pytz

from odoo import models
from odoo.tools import SQL

#: states of a move that is neither a draft nor finished
OPEN_MOVE_STATES = ("waiting", "confirmed", "partially_available", "assigned")

#: the fields the available-to-promise query reads, flushed before it
ATP_FIELDS = {
    "stock.quant": ["product_id", "location_id", "quantity", "reserved_quantity"],
    "stock.location": ["usage", "warehouse_id"],
    "stock.move": [
        "product_id",
        "state",
        "location_id",
        "location_dest_id",
        "product_qty",
        "sale_line_id",
        "group_id",
        "date",
    ],
    "stock.move.line": ["product_id", "location_id", "move_id", "quantity_product_uom"],
    "procurement.group": ["sale_id"],
    "sale.order.line": ["order_id"],
}


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _b2b_availability_figures(self, warehouses, exclude_order=None):
        """A dealer's availability is the available to promise, with the
        next incoming day and quantity (see
        :meth:`_b2b_available_to_promise`)."""
        atp = self._b2b_available_to_promise(warehouses, exclude_order=exclude_order)
        return {
            key: {
                "available": figures["available"],
                "incoming_date": figures["incoming_date"],
                "incoming_qty": figures["incoming_qty"],
            }
            for key, figures in atp.items()
        }

    def _b2b_available_to_promise(self, warehouses, exclude_order=None):
        """Available to promise (可售库存) of the products per warehouse:
        ``{(product id, warehouse id): {"on_hand", "reserved", "committed",
        "available", "incoming_date", "incoming_qty"}}`` for every product of
        ``self`` and warehouse of ``warehouses``, in the product's unit.

        - ``on_hand``, ``reserved``: the suite's availability rule (Odoo's
          ``qty_available`` and reservations of the quants of the
          warehouse's internal locations, as ``_b2b_stock_levels``);
        - ``committed``: what confirmed sales orders still have to ship from
          the warehouse (their open deliveries' demand), ``exclude_order``'s
          own lines excluded;
        - ``available`` = on hand - reserved - committed, where a
          reservation made *for* a sales order is counted once, in
          ``committed`` (i.e. on hand - reservations of other moves -
          committed); may be negative (oversold);
        - ``incoming_date``, ``incoming_qty``: the day (in the user's time
          zone) of the earliest open move into the warehouse from outside
          it (receipt, manufacturing, transfer from another warehouse) and
          what arrives that day (``False`` / 0 when nothing is expected).

        A quotation has no stock moves: it never counts, whether excluded or
        not; ``exclude_order`` matters for a confirmed order being amended.
        One SQL query (four grouped parts) for any number of products and
        warehouses, whoever calls: the figures are aggregates, the caller
        decides which warehouses a user may see.
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
        for model, fnames in ATP_FIELDS.items():
            self.env[model].flush_model(fnames)
        self.env.cr.execute(self._b2b_atp_query(warehouses, exclude_order))
        for (
            kind,
            product_id,
            warehouse_id,
            day,
            qty,
            reserved,
        ) in self.env.cr.fetchall():
            figures = result[(product_id, warehouse_id)]
            if kind == "quant":
                figures["on_hand"] += qty
                figures["reserved"] += reserved
            elif kind == "committed":
                figures["committed"] += qty
            elif kind == "sale_reserved":
                # reserved for a sales order's moves (any step of its
                # deliveries): part of that order's demand, counted there
                figures["reserved"] -= qty
            elif not figures["incoming_date"] or day < figures["incoming_date"]:
                figures.update(incoming_date=day, incoming_qty=qty)
            elif day == figures["incoming_date"]:
                figures["incoming_qty"] += qty
        for figures in result.values():
            figures["available"] = (
                figures["on_hand"] - figures["reserved"] - figures["committed"]
            )
        return result

    def _b2b_atp_query(self, warehouses, exclude_order=None):
        """The one query of :meth:`_b2b_available_to_promise`: rows
        ``(kind, product id, warehouse id, day, quantity, reserved)``."""
        tz = self.env.context.get("tz")
        if tz not in pytz.all_timezones_set:
            tz = "UTC"
        exclude = SQL("")
        if exclude_order:
            exclude = SQL(
                "AND NOT EXISTS (SELECT 1 FROM sale_order_line sol"
                " WHERE sol.id = m.sale_line_id AND sol.order_id = ANY(%s))",
                list(exclude_order.ids),
            )
        return SQL(
            """
            WITH loc AS (
                SELECT id, warehouse_id FROM stock_location
                 WHERE usage = 'internal' AND warehouse_id = ANY(%(warehouses)s)
            )
            SELECT 'quant', q.product_id, loc.warehouse_id, NULL::date,
                   SUM(q.quantity), SUM(q.reserved_quantity)
              FROM stock_quant q JOIN loc ON loc.id = q.location_id
             WHERE q.product_id = ANY(%(products)s)
             GROUP BY q.product_id, loc.warehouse_id
            UNION ALL
            SELECT 'committed', m.product_id, loc.warehouse_id, NULL::date,
                   SUM(m.product_qty), 0
              FROM stock_move m
              JOIN loc ON loc.id = m.location_id
              JOIN stock_location dest ON dest.id = m.location_dest_id
             WHERE m.product_id = ANY(%(products)s)
               AND m.sale_line_id IS NOT NULL
               AND m.state IN %(states)s
               AND dest.usage IN ('customer', 'transit')
               %(exclude)s
             GROUP BY m.product_id, loc.warehouse_id
            UNION ALL
            SELECT 'sale_reserved', ml.product_id, loc.warehouse_id, NULL::date,
                   SUM(ml.quantity_product_uom), 0
              FROM stock_move_line ml
              JOIN loc ON loc.id = ml.location_id
              JOIN stock_move m ON m.id = ml.move_id
              JOIN procurement_group g ON g.id = m.group_id
             WHERE ml.product_id = ANY(%(products)s)
               AND m.state IN %(states)s
               AND g.sale_id IS NOT NULL
             GROUP BY ml.product_id, loc.warehouse_id
            UNION ALL
            SELECT 'incoming', m.product_id, loc.warehouse_id,
                   date_trunc('day', timezone(%(tz)s, timezone('UTC', m.date)))::date,
                   SUM(m.product_qty), 0
              FROM stock_move m
              JOIN loc ON loc.id = m.location_dest_id
              JOIN stock_location src ON src.id = m.location_id
             WHERE m.product_id = ANY(%(products)s)
               AND m.state IN %(states)s
               AND NOT (src.usage = 'internal'
                        AND src.warehouse_id IS NOT DISTINCT FROM loc.warehouse_id)
             GROUP BY m.product_id, loc.warehouse_id, 4
            """,
            warehouses=list(warehouses.ids),
            products=list(self.ids),
            states=OPEN_MOVE_STATES,
            exclude=exclude,
            tz=tz,
        )
