# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.tools import float_repr, format_amount

from odoo.addons.b2b_pricing.models.product_pricelist_item import PRICE_SOURCES

#: key of the batch prices in the cursor cache while the prices are computed
BATCH_CACHE_KEY = "b2b_pricing_sale_batch"

#: fields of the other lines of the order that change cumulative quantities
CROSS_LINE_DEPENDS = (
    "order_id.order_line.product_id",
    "order_id.order_line.product_uom",
    "order_id.order_line.product_uom_qty",
)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # Non-stored, computed in one batch per order when displayed
    b2b_next_break_qty = fields.Float(
        string="Next Break Quantity",
        compute="_compute_b2b_next_break",
        digits="Product Unit of Measure",
        help="Quantity to add to this line to reach the next volume break.",
    )
    b2b_next_break_price = fields.Float(
        string="Next Break Price",
        compute="_compute_b2b_next_break",
        digits="Product Price",
    )
    b2b_next_break_info = fields.Char(
        string="Next Break",
        compute="_compute_b2b_next_break",
    )
    # Stored with the price
    b2b_price_source = fields.Selection(
        PRICE_SOURCES,
        string="Price Origin",
        compute="_compute_b2b_price_source",
        store=True,
        help="What gave the unit price: the contract, tier or regional "
        "pricelist, a volume break, the sales price, or a manual price.",
    )
    b2b_price_rule_id = fields.Many2one(
        "product.pricelist.item",
        string="Price Rule",
        compute="_compute_price_unit",
        store=True,
        precompute=True,
        index="btree_not_null",
        ondelete="set null",
        help="The pricelist rule that gave the price of this line.",
    )
    b2b_price_key = fields.Char(
        compute="_compute_price_unit",
        store=True,
        precompute=True,
        help="Technical: product, unit and quantity of the last pricing.",
    )
    b2b_discount_key = fields.Char(
        compute="_compute_discount",
        store=True,
        precompute=True,
        help="Technical: product, unit and quantity of the last discount.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("product_id", "product_uom", "product_uom_qty", *CROSS_LINE_DEPENDS)
    def _compute_pricelist_item_id(self):
        """Batch version of Odoo's rule selection, with cumulative quantities.

        One rule query per order whatever its number of lines; the quantities
        of the other lines of the order count for cumulative rules.
        """
        results = self._b2b_price_batch(compute_price=False)
        for line in self:
            res = results.get(line)
            line.pricelist_item_id = res["rule"] if res else False

    @api.depends("product_id", "product_uom", "product_uom_qty", *CROSS_LINE_DEPENDS)
    def _compute_b2b_next_break(self):
        results = self._b2b_price_batch(next_break=True)
        for line in self:
            res = results.get(line) or {}
            line.b2b_next_break_qty = res.get("next_qty", 0.0)
            line.b2b_next_break_price = res.get("next_price", 0.0)
            line.b2b_next_break_info = line._b2b_next_break_text(res)

    @api.depends("product_id", "product_uom", "product_uom_qty", *CROSS_LINE_DEPENDS)
    def _compute_price_unit(self):
        """Odoo's price computation, fed with the batch prices.

        The rules and prices of all the lines come from one batch per order;
        Odoo's per-line code (``_get_display_price`` and its overrides) then
        runs on cached prices, and the results are assigned without per-line
        ``write`` calls.
        """
        given = self._b2b_given_at_creation("price_unit")
        for line in given:
            # Odoo computes no price for them: only the B2B fields, from the
            # price given
            line.b2b_price_key = line._b2b_own_price_key()
            if not line.product_id or line.display_type:
                line.b2b_price_rule_id = False
            elif not line._b2b_has_manual_price():
                line.b2b_price_rule_id = line.pricelist_item_id
            else:
                line.b2b_price_rule_id = False
        lines = (self - given)._b2b_lines_to_reprice("b2b_price_key")
        if not lines:
            return None
        batch = lines._b2b_price_batch()
        names = (
            "price_unit",
            "technical_price_unit",
            "b2b_price_key",
            "b2b_price_rule_id",
        )
        to_protect = [self._fields[name] for name in (*names, "pricelist_item_id")]
        direct = lines.filtered(
            lambda line: not self.env.is_protected(self._fields["price_unit"], line)
        )
        with self.env.protecting(to_protect, lines), self._b2b_batch_prices(batch):
            for line, line_prices in batch.items():
                # the rule of the batch, without a second rule query
                line.pricelist_item_id = line_prices["rule"]
            res = super(SaleOrderLine, lines)._compute_price_unit()
            for line in lines:
                if not line.order_id:
                    continue
                line.b2b_price_key = line._b2b_own_price_key()
                if not line.product_id or line.display_type:
                    line.b2b_price_rule_id = False
                elif not line._b2b_has_manual_price():
                    line.b2b_price_rule_id = line.pricelist_item_id
        if direct:
            # called as a method (e.g. "Update prices"), not as a recompute:
            # the protected assignments did not trigger the dependencies
            direct.modified(list(names))
        return res

    @api.depends(
        "product_id",
        "display_type",
        "price_unit",
        "technical_price_unit",
        "b2b_price_rule_id",
        "order_id.b2b_pricelist_source",
    )
    def _compute_b2b_price_source(self):
        Item = self.env["product.pricelist.item"]
        for line in self:
            if not line.product_id or line.display_type:
                line.b2b_price_source = False
            elif line._b2b_is_promotion_line():
                line.b2b_price_source = "promotion"
            elif line._b2b_has_manual_price():
                line.b2b_price_source = "manual"
            else:
                line.b2b_price_source = Item._b2b_price_source(
                    line.b2b_price_rule_id, line.order_id.b2b_pricelist_source
                )

    @api.depends("product_id", "product_uom", "product_uom_qty", *CROSS_LINE_DEPENDS)
    def _compute_discount(self):
        given = self._b2b_given_at_creation("discount")
        for line in given:
            line.b2b_discount_key = line._b2b_own_price_key()
        lines = (self - given)._b2b_lines_to_reprice("b2b_discount_key")
        if self.env["product.pricelist.item"]._is_discount_feature_enabled():
            with self._b2b_batch_prices(lines._b2b_price_batch()):
                res = super(SaleOrderLine, lines)._compute_discount()
        else:
            res = super(SaleOrderLine, lines)._compute_discount()
        for line in lines:
            line.b2b_discount_key = line._b2b_own_price_key()
        return res

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _b2b_is_cart_line(self):
        """Whether the line's quantity counts for the cumulative breaks.

        Down payments, discount lines and the lines computed by other apps
        (``_is_not_sellable_line``: promotion rewards, delivery) do not count.
        """
        self.ensure_one()
        return bool(
            self.product_id
            and not self.display_type
            and not self.is_downpayment
            # a combo is counted through its items
            and self.product_type != "combo"
            # computed lines: rewards of promotions, delivery, discounts
            and not self._is_not_sellable_line()
            and not self._is_discount_line()
        )

    def _b2b_is_promotion_line(self):
        """Lines computed by a promotion: Odoo's discount lines and the
        computed lines (``_is_not_sellable_line``, e.g. loyalty rewards) that
        lower the total."""
        self.ensure_one()
        return self._is_discount_line() or (
            self._is_not_sellable_line() and self.price_unit <= 0
        )

    def _b2b_given_at_creation(self, fname):
        """The lines of ``self`` being created whose ``fname`` is given in the
        values of ``create`` (e.g. the prices the web client got from the
        onchange), while the B2B fields computed by the same method are
        precomputed.

        Odoo computes no price for such lines, and cannot: a combo item line
        saved with its combo line finds it through ``linked_virtual_id`` in
        ``order_id.order_line``, which does not hold the lines being created
        yet (``_get_linked_line`` raises "Expected singleton"). Only the B2B
        fields are computed for them, from the given values.
        """
        field = self._fields[fname]
        cache = self.env.cache
        return self.filtered(
            lambda line: not line.id
            and line.order_id.id
            and cache.contains(line, field)
        )

    def _b2b_has_manual_price(self):
        """Same test as Odoo's ``_compute_price_unit``."""
        self.ensure_one()
        if not self.id and not self.env.cache.contains(
            self, self._fields["technical_price_unit"]
        ):
            # being created without it: Odoo sets it to the price given
            return False
        currency = (
            self.currency_id
            or self.company_id.currency_id
            or self.env.company.currency_id
        )
        return bool(
            currency.compare_amounts(self.technical_price_unit, self.price_unit)
        )

    def _b2b_own_price_key(self):
        """Product, unit and quantity of the line (see hooks.PRICE_KEY_SQL)."""
        self.ensure_one()
        return (
            f"{self.product_id.id or 0}/{self.product_uom.id or 0}/"
            f"{self.product_uom_qty or 0.0:.6f}"
        )

    def _b2b_lines_to_reprice(self, key_field):
        """Lines whose price must follow the order.

        A line is repriced when its own product, unit or quantity changed
        (standard Odoo), and, for draft quotations priced with a pricelist
        having cumulative rules, whenever any line of the order changes.
        """
        if self.env.context.get("force_price_recomputation") or self.env.context.get(
            "b2b_force_reprice"
        ):
            return self
        cumulative_orders = self.order_id._b2b_cumulative_orders()
        return self.filtered(
            lambda line: line.order_id in cumulative_orders
            or line[key_field] != line._b2b_own_price_key()
        )

    @contextmanager
    def _b2b_batch_prices(self, batch):
        """Make ``_get_pricelist_price`` use the prices of ``batch``."""
        cache = self.env.cr.cache
        previous = cache.get(BATCH_CACHE_KEY)
        cache[BATCH_CACHE_KEY] = batch
        try:
            yield
        finally:
            cache[BATCH_CACHE_KEY] = previous

    def _get_pricelist_price(self):
        batch = self.env.cr.cache.get(BATCH_CACHE_KEY) or {}
        res = batch.get(self)
        if (
            res
            and res.get("computed")
            and res["rule"] == self.pricelist_item_id
            and res["quantity"] == (self.product_uom_qty or 1.0)
            and res["uom"] == self.product_uom
        ):
            return res["price"]
        return super()._get_pricelist_price()

    def _b2b_price_batch(self, compute_price=True, next_break=False):
        """{line: result of product.pricelist._b2b_compute_cart} for ``self``.

        Each order is priced once, with all its lines as the cart, so the
        cumulative quantities include the lines not being recomputed.
        """
        lines_by_order = defaultdict(list)
        for line in self:
            if line.product_id and not line.display_type and line.order_id.pricelist_id:
                lines_by_order[line.order_id].append(line)
        results = {}
        for order, order_lines in lines_by_order.items():
            lines = set(order_lines)
            # the lines being computed may not be in order.order_line yet
            # (precompute at creation)
            counted = {line: line._b2b_is_cart_line() for line in order.order_line}
            for line in order_lines:
                if line not in counted:
                    counted[line] = line._b2b_is_cart_line()
            cart = [
                line._b2b_cart_entry(count=count)
                for line, count in counted.items()
                if count or line in lines
            ]
            pricelist = order.pricelist_id
            prices = pricelist._b2b_compute_cart(
                cart,
                date=order_lines[0]._get_order_date(),
                currency=order.currency_id or pricelist.currency_id,
                compute_price=compute_price,
                next_break=next_break,
            )
            for entry in cart:
                if entry["key"] in lines:
                    prices[entry["key"]].update(
                        computed=compute_price,
                        quantity=entry["quantity"],
                        uom=entry["uom"],
                    )
                    results[entry["key"]] = prices[entry["key"]]
        return results

    def _b2b_cart_entry(self, count=True):
        """The line as a cart entry of ``product.pricelist._b2b_compute_cart``;
        ``count``: whether its quantity counts in the cumulative scopes."""
        self.ensure_one()
        product = self.product_id
        price_context = (
            self._get_product_price_context()
            if self.product_no_variant_attribute_value_ids
            else {}
        )
        return {
            "key": self,
            "product": product.with_context(**price_context)
            if price_context
            else product,
            "quantity": self.product_uom_qty or 1.0,
            "uom": self.product_uom or product.uom_id,
            "count": count,
        }

    def _b2b_next_break_text(self, res):
        self.ensure_one()
        if not res.get("next_qty"):
            return False
        currency = self.currency_id or self.order_id.currency_id
        qty = float_repr(res["next_qty"], 3).rstrip("0").rstrip(".")
        price = format_amount(self.env, res["next_price"], currency)
        return self.env._("%(qty)s more for %(price)s each", qty=qty, price=price)
