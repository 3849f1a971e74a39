# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models
from odoo.tools import float_compare, float_is_zero


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.depends("partner_id")
    def _compute_warehouse_id(self):
        """A dealer's quotation ships from the first warehouse of its
        region's list in the order's company (Odoo's default otherwise)."""
        res = super()._compute_warehouse_id()
        orders = self.filtered(
            lambda o: (o.state in ("draft", "sent") or not o.ids)
            and o._b2b_get_region_pair()
        )
        if orders:
            lists = self.env["b2b.region.warehouse"]._b2b_get_lists(
                orders.mapped(lambda o: o._b2b_get_region_pair())
            )
            for order in orders:
                warehouses = lists.get(order._b2b_get_region_pair())
                if warehouses:
                    order.warehouse_id = warehouses[0]
        return res

    # ------------------------------------------------------------------
    # Sourcing
    # ------------------------------------------------------------------
    def _b2b_get_region_pair(self):
        """``(region id, company id)`` of the order's dealer, or ``None``
        when the customer is not a dealer with a region."""
        self.ensure_one()
        dealer = self.partner_id.commercial_partner_id
        if not (dealer.b2b_is_dealer and dealer.b2b_region_id and self.company_id):
            return None
        return (dealer.b2b_region_id.id, self.company_id.id)

    def _b2b_get_sourcing_warehouses(self):
        """``{order id: warehouses in the order they are tried}`` for the
        orders of ``self`` sourced by region: the order's own warehouse
        first (the region's default unless a salesperson chose another),
        then the region's list. Orders of customers that are not dealers
        with a region, or of a company without a list for the region, are
        absent (Odoo sources them)."""
        pairs = {order.id: order._b2b_get_region_pair() for order in self}
        pairs = {order_id: pair for order_id, pair in pairs.items() if pair}
        if not pairs:
            return {}
        lists = self.env["b2b.region.warehouse"]._b2b_get_lists(pairs.values())
        result = {}
        for order in self.filtered(lambda o: o.id in pairs):
            warehouses = lists.get(pairs[order.id])
            if warehouses:
                result[order.id] = order.warehouse_id | warehouses
        return result

    def _b2b_sourcing_free_quantities(self, products, warehouses):
        """``{(product id, warehouse id): quantity}`` a line may take from
        a warehouse: the free quantity (on hand minus reserved, Odoo's
        ``free_qty``) of the suite's availability rule, in one grouped
        query. A hook: override to source on another figure."""
        levels = products._b2b_stock_levels(warehouses)
        return {key: level["free"] for key, level in levels.items()}

    def _b2b_source_lines(self, lines=None, previous_product_uom_qty=False):
        """The one sourcing decision of the suite: from which warehouse each
        line of the orders of ``self`` is served (backend, portal and API
        confirmations all end in ``action_confirm`` and come here).

        ``lines``: the lines to source (default: every line of the orders);
        a line is sourced for the quantity it still has to procure
        (Odoo's ``_get_qty_procurement``), in the product's unit of measure:

        - a line with a warehouse set by a salesperson
          (``b2b_warehouse_id``) is served from it, whole;
        - otherwise from the first warehouse of the order's list whose free
          quantity, minus what the lines before it (in this batch) took,
          covers it;
        - when none does, the dealer's backorder policy decides: *ship
          complete*: the line waits, whole, in the first warehouse; *ship
          what is available*: it takes what each warehouse has, in order,
          and the rest waits in the first warehouse;
        - goods that are not tracked in stock come from the first
          warehouse; a decrease of a confirmed line is taken back from its
          open deliveries, the latest first.

        Set-based: one query for the region lists and one grouped query for
        the free quantities of every product in every warehouse, whatever
        the number of lines.

        :returns: ``{line id: [(warehouse id, quantity), ...]}`` for the
            lines sourced by region (others are absent: Odoo sources them);
            quantities in the product's unit of measure, negative for a
            decrease.
        """
        warehouses_by_order = self._b2b_get_sourcing_warehouses()
        if not warehouses_by_order:
            return {}
        if lines is None:
            lines = self.order_line
        lines = lines.filtered(
            lambda line: line.order_id.id in warehouses_by_order
            and line._b2b_is_sourced()
        )
        if not lines:
            return {}
        products = lines.product_id.filtered("is_storable")
        warehouses = self.env["stock.warehouse"].union(*warehouses_by_order.values())
        free = self._b2b_sourcing_free_quantities(products, warehouses)
        taken = defaultdict(float)
        plan = {}
        for order in lines.order_id:
            order_warehouses = warehouses_by_order[order.id]
            policy = order.partner_id.commercial_partner_id._b2b_get_backorder_policy(
                order.company_id
            )
            for line in lines.filtered(lambda li, o=order: li.order_id == o).sorted(
                lambda li: (li.sequence, li.id)
            ):
                need = line._b2b_qty_to_source(previous_product_uom_qty)
                rounding = line.product_id.uom_id.rounding
                if float_is_zero(need, precision_rounding=rounding):
                    continue
                if need < 0:
                    chunks = line._b2b_plan_decrease(need)
                else:
                    chunks = line._b2b_plan_line(
                        need, order_warehouses, free, taken, policy
                    )
                plan[line.id] = [(warehouse.id, qty) for warehouse, qty in chunks]
                for warehouse, qty in chunks:
                    taken[(line.product_id.id, warehouse.id)] += qty
        return plan

    @api.model
    def _b2b_plan_available(self, need, warehouses, available, rounding):
        """Split ``need`` over ``warehouses`` in order, each giving what
        ``available(warehouse)`` says; the rest waits in the first one.
        :returns: ``[(warehouse, quantity)]`` in the list's order."""
        chunks = {}
        remaining = need
        for warehouse in warehouses:
            qty = min(available(warehouse), remaining)
            if float_compare(qty, 0.0, precision_rounding=rounding) > 0:
                chunks[warehouse] = qty
                remaining -= qty
        if float_compare(remaining, 0.0, precision_rounding=rounding) > 0:
            chunks[warehouses[0]] = chunks.get(warehouses[0], 0.0) + remaining
        return [
            (warehouse, chunks[warehouse])
            for warehouse in warehouses
            if warehouse in chunks
        ]
