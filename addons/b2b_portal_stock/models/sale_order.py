# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import SQL

#: what a buyer reads of a delivery's state
DELIVERY_STATES = {
    "done": "delivered",
    "cancel": "cancelled",
    "assigned": "ready",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _b2b_portal_shipping(self):
        """Which warehouse ships what of the order, for the dealer's order
        page: ``{"lines": {line id: [{"code", "name", "qty"}]},
        "deliveries": [{"code", "name", "pickings": [{"id", "name", "state"
        (delivered / ready / preparing / cancelled), "date" (done or
        scheduled), "done"}]}]}``; warehouses in the order their deliveries
        were made (regional sourcing: the region's list order), the
        quantities in the line's unit.

        One SQL query for any number of lines and deliveries: the order
        page is Odoo's, and this is all the glue adds to it. The caller has
        checked that the user may read the order; portal users do not read
        stock moves and warehouses, and the query reads only the order's own
        moves and deliveries."""
        self.ensure_one()
        for model, fnames in (
            ("stock.move", ["sale_line_id", "location_id", "state", "product_qty"]),
            ("stock.move", ["product_uom_qty", "picking_id"]),
            ("stock.move", ["location_dest_id"]),
            ("stock.location", ["warehouse_id", "usage"]),
            ("stock.picking", ["sale_id", "picking_type_id", "state", "name"]),
            ("stock.picking", ["date_done", "scheduled_date"]),
            ("stock.picking.type", ["code", "warehouse_id"]),
            ("stock.warehouse", ["code", "name"]),
        ):
            self.env[model].flush_model(fnames)
        self.env.cr.execute(
            SQL(
                """
                SELECT 'line', m.sale_line_id, w.id, w.code, w.name,
                       SUM(m.product_uom_qty), NULL, NULL, NULL, NULL
                  FROM stock_move m
                  JOIN sale_order_line sol ON sol.id = m.sale_line_id
                  JOIN stock_location l ON l.id = m.location_id
                  JOIN stock_warehouse w ON w.id = l.warehouse_id
                  JOIN stock_location dest ON dest.id = m.location_dest_id
                 WHERE sol.order_id = %(order)s AND m.state != 'cancel'
                   AND dest.usage IN ('customer', 'transit')
                 GROUP BY m.sale_line_id, w.id
                UNION ALL
                SELECT 'picking', p.id, w.id, w.code, w.name, NULL,
                       p.name, p.state, p.date_done, p.scheduled_date
                  FROM stock_picking p
                  JOIN stock_picking_type t ON t.id = p.picking_type_id
                  JOIN stock_warehouse w ON w.id = t.warehouse_id
                 WHERE p.sale_id = %(order)s AND t.code = 'outgoing'
                 ORDER BY 1, 2, 3
                """,
                order=self.id,
            )
        )
        lines, deliveries = {}, {}
        for row in self.env.cr.fetchall():
            kind, record_id, wh_id, code, name, qty, ref, state, done, planned = row
            if kind == "line":
                lines.setdefault(record_id, []).append(
                    {"code": code, "name": name, "qty": qty}
                )
                continue
            group = deliveries.setdefault(
                wh_id, {"code": code, "name": name, "pickings": []}
            )
            group["pickings"].append(
                {
                    "id": record_id,
                    "name": ref,
                    "state": DELIVERY_STATES.get(state, "preparing"),
                    "date": done or planned,
                    "done": bool(done),
                }
            )
        # a line split across warehouses: in the order of the deliveries
        rank = {wh["code"]: index for index, wh in enumerate(deliveries.values())}
        for sources in lines.values():
            sources.sort(key=lambda source: rank.get(source["code"], len(rank)))
        return {"lines": lines, "deliveries": list(deliveries.values())}
