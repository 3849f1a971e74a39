# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_pricelist_source = fields.Selection(
        [
            ("contract", "Contract"),
            ("tier", "Tier"),
            ("region", "Region"),
            ("default", "Default"),
        ],
        string="Pricelist Origin",
        compute="_compute_b2b_pricelist_source",
        store=True,
        help="Why the order has its pricelist: the dealer's contract, tier or "
        "region pricelist, or another pricelist.",
    )
    b2b_order_rule_message = fields.Text(
        string="Order Rule Problems",
        compute="_compute_b2b_order_rule_message",
        help="What to change in the order to respect the dealer's order rules "
        "(minimum quantities, order multiples, minimum amount).",
    )
    b2b_order_rule_blocking = fields.Boolean(
        string="Blocked by Order Rules",
        compute="_compute_b2b_order_rule_message",
    )

    @api.depends("partner_id", "pricelist_id", "company_id")
    def _compute_b2b_pricelist_source(self):
        for order in self:
            partner = order.partner_id.with_company(order.company_id)
            if (
                partner
                and order.pricelist_id
                and order.pricelist_id == partner.property_product_pricelist
            ):
                order.b2b_pricelist_source = partner.b2b_pricelist_source or "default"
            else:
                order.b2b_pricelist_source = "default"

    @api.depends(
        "partner_id",
        "company_id",
        "currency_id",
        "amount_untaxed",
        "order_line.product_id",
        "order_line.product_uom",
        "order_line.product_uom_qty",
    )
    def _compute_b2b_order_rule_message(self):
        for order in self:
            violations = order._b2b_check_order_rules()
            order.b2b_order_rule_message = (
                "\n".join(v["message"] for v in violations) or False
            )
            order.b2b_order_rule_blocking = any(
                v["mode"] == "block" for v in violations
            )

    # ------------------------------------------------------------------
    # Confirmation
    # ------------------------------------------------------------------
    def _confirmation_error_message(self):
        """Refuse to confirm an order breaking a blocking order rule."""
        message = super()._confirmation_error_message()
        if message:
            return message
        blocking = [
            v["message"] for v in self._b2b_check_order_rules() if v["mode"] == "block"
        ]
        if blocking:
            return self.env._(
                "%(order)s cannot be confirmed:\n%(problems)s",
                order=self.name,
                problems="\n".join(blocking),
            )
        return False

    def _recompute_prices(self):
        return super(
            SaleOrder, self.with_context(b2b_force_reprice=True)
        )._recompute_prices()

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _b2b_get_cart(self):
        """The order lines as a cart for the pricing and order-rule engines."""
        self.ensure_one()
        return [
            {
                "key": line,
                "product": line.product_id,
                "quantity": line.product_uom_qty,
                "uom": line.product_uom or line.product_id.uom_id,
            }
            for line in self.order_line
            if line._b2b_is_cart_line() and line.product_uom_qty
        ]

    def _b2b_check_order_rules(self):
        """Order rule violations of the order (see b2b.order.rule)."""
        self.ensure_one()
        if not self.partner_id:
            return []
        company = self.company_id or self.env.company
        return self.env["b2b.order.rule"]._b2b_check_cart(
            self.partner_id,
            self._b2b_get_cart(),
            self._b2b_order_rules_amount(),
            self.currency_id or company.currency_id,
            company,
            date=fields.Date.to_date(self.date_order),
        )

    def _b2b_order_rules_amount(self):
        """The amount the order rules (minimum order amount) measure: the
        untaxed amount of the order. A module whose lines lower that amount
        without being a price of the goods (b2b_rebate_sale's rebate line,
        paid from the dealer's earned balance) measures before them."""
        self.ensure_one()
        return self.amount_untaxed

    def _b2b_cumulative_orders(self):
        """Draft quotations whose pricelist has cumulative rules."""
        return self.filtered(
            lambda o: o.state in ("draft", "sent")
            and o.pricelist_id.b2b_has_cumulative_rules
        )
