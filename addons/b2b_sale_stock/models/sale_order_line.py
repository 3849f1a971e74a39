# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

#: context key of the sourcing plan while the procurements of lines run
PLAN_KEY = "b2b_sourcing_plan"


class SourcingPlan(dict):
    """``{line id: [(warehouse id, quantity)]}`` made by
    ``sale.order._b2b_source_lines``, carried in the context from
    ``_action_launch_stock_rule`` to ``_create_procurements``. Only an
    instance of this class is obeyed: a plan sent in the context of an RPC
    call arrives as a plain ``dict`` and is ignored."""


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    b2b_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Ship From",
        check_company=True,
        help="Set before confirmation to ship the whole line from this "
        "warehouse. Empty: the warehouse is chosen at confirmation from the "
        "dealer's region warehouses, by their stock.",
    )
    b2b_source_warehouse_ids = fields.Many2many(
        "stock.warehouse",
        string="Source Warehouses",
        compute="_compute_b2b_source_warehouse_ids",
        help="The warehouses the line's deliveries leave from.",
    )

    @api.depends("b2b_warehouse_id")
    def _compute_warehouse_id(self):
        """The warehouse a salesperson set on the line replaces the order's
        (Odoo's availability widget and procurement then use it); a route
        on the line still wins, as in Odoo."""
        res = super()._compute_warehouse_id()
        for line in self.filtered(lambda li: li.b2b_warehouse_id and not li.route_id):
            line.warehouse_id = line.b2b_warehouse_id
        return res

    @api.depends("move_ids.state", "move_ids.location_id")
    def _compute_b2b_source_warehouse_ids(self):
        for line in self:
            moves = line.move_ids.filtered(lambda m: m.state != "cancel")
            line.b2b_source_warehouse_ids = moves.location_id.warehouse_id

    def write(self, vals):
        if "b2b_warehouse_id" in vals:
            confirmed = self.filtered(
                lambda li: li.state == "sale"
                and li.b2b_warehouse_id.id != (vals["b2b_warehouse_id"] or False)
            )
            if confirmed:
                raise UserError(
                    self.env._(
                        "The warehouse of a line can only be changed before the "
                        "order is confirmed."
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Sourcing
    # ------------------------------------------------------------------
    def _b2b_is_sourced(self):
        """The line is sourced by region: goods, without a route of its own
        (a route chosen on the line is Odoo's to follow)."""
        self.ensure_one()
        return (
            not self.display_type
            and self.product_id.type == "consu"
            and not self.route_id
        )

    def _b2b_qty_to_source(self, previous_product_uom_qty=False):
        """What the line still has to procure, in the product's unit."""
        self.ensure_one()
        qty = self.product_uom_qty - self._get_qty_procurement(previous_product_uom_qty)
        return self.product_uom._compute_quantity(
            qty, self.product_id.uom_id, rounding_method="HALF-UP"
        )

    def _b2b_plan_line(self, need, warehouses, free, taken, policy):
        """``[(warehouse, quantity)]`` serving ``need`` (see
        ``sale.order._b2b_source_lines``)."""
        self.ensure_one()
        if self.b2b_warehouse_id:
            return [(self.b2b_warehouse_id, need)]
        product = self.product_id
        if not product.is_storable:
            return [(warehouses[0], need)]
        rounding = product.uom_id.rounding

        def available(warehouse):
            key = (product.id, warehouse.id)
            return max(free.get(key, 0.0) - taken[key], 0.0)

        for warehouse in warehouses:
            if (
                float_compare(available(warehouse), need, precision_rounding=rounding)
                >= 0
            ):
                return [(warehouse, need)]
        if policy == "complete":
            return [(warehouses[0], need)]
        return self.order_id._b2b_plan_available(need, warehouses, available, rounding)

    def _b2b_plan_decrease(self, need):
        """A decrease (``need`` < 0) is taken back from the warehouses of the
        line's open deliveries, the latest first; the rest, as Odoo does,
        from the line's warehouse."""
        self.ensure_one()
        pending = defaultdict(float)
        moves = self.move_ids.filtered(
            lambda m: m.state not in ("done", "cancel")
            and m.location_dest_id._is_outgoing()
        ).sorted("id", reverse=True)
        for move in moves:
            pending[move.location_id.warehouse_id] += move.product_qty
        chunks = defaultdict(float)
        remaining = -need
        rounding = self.product_id.uom_id.rounding
        for warehouse, qty in pending.items():
            if float_compare(remaining, 0.0, precision_rounding=rounding) <= 0:
                break
            back = min(qty, remaining)
            chunks[warehouse] -= back
            remaining -= back
        if float_compare(remaining, 0.0, precision_rounding=rounding) > 0:
            chunks[self.warehouse_id] -= remaining
        return list(chunks.items())

    def _action_launch_stock_rule(self, previous_product_uom_qty=False):
        """Source the lines (one decision for the whole batch) before Odoo
        creates their procurements; nothing changes for lines that are not
        sourced by region."""
        if self.env.context.get("skip_procurement") or isinstance(
            self.env.context.get(PLAN_KEY), SourcingPlan
        ):
            return super()._action_launch_stock_rule(previous_product_uom_qty)
        lines = self.filtered(lambda li: li.state == "sale" and not li.order_id.locked)
        plan = (
            lines.order_id._b2b_source_lines(lines, previous_product_uom_qty)
            if lines
            else {}
        )
        if not plan:
            return super()._action_launch_stock_rule(previous_product_uom_qty)
        lines = self.with_context(**{PLAN_KEY: SourcingPlan(plan)})
        return super(SaleOrderLine, lines)._action_launch_stock_rule(
            previous_product_uom_qty
        )

    def _create_procurements(self, product_qty, procurement_uom, origin, values):
        """One procurement per warehouse of the line's plan: each carries its
        ``warehouse_id``, so Odoo's rules pick from that warehouse and its
        moves join that warehouse's delivery of the order (one picking per
        warehouse). The sale line itself stays whole."""
        plan = self.env.context.get(PLAN_KEY)
        chunks = plan.get(self.id) if isinstance(plan, SourcingPlan) else None
        if not chunks:
            return super()._create_procurements(
                product_qty, procurement_uom, origin, values
            )
        Warehouse = self.env["stock.warehouse"]
        product_uom = self.product_id.uom_id
        procurements = []
        remaining = product_qty
        for index, (warehouse_id, qty) in enumerate(chunks):
            if index == len(chunks) - 1:
                chunk_qty = remaining
            else:
                chunk_qty = product_uom._compute_quantity(
                    qty, procurement_uom, rounding_method="HALF-UP"
                )
                if abs(chunk_qty) > abs(remaining):
                    chunk_qty = remaining
            if float_is_zero(chunk_qty, precision_rounding=procurement_uom.rounding):
                continue
            remaining -= chunk_qty
            procurements += super()._create_procurements(
                chunk_qty,
                procurement_uom,
                origin,
                {**values, "warehouse_id": Warehouse.browse(warehouse_id)},
            )
        return procurements
