# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_round, format_amount


def _fmt_qty(qty):
    """Readable quantity: 12 instead of 12.0, 2.5 instead of 2.500."""
    return f"{qty:.3f}".rstrip("0").rstrip(".")


class B2bOrderRule(models.Model):
    """Minimum order quantity, order multiple and minimum order amount.

    Quantity rules apply per product (variant) of the order, amount rules to
    the order. Only the most specific matching rule of each kind applies:
    dealer before tier before everyone, product before category (deepest
    first) before all products, then sequence.
    """

    _name = "b2b.order.rule"
    _description = "Dealer Order Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Leave empty to share the rule between companies.",
    )
    rule_type = fields.Selection(
        [
            ("quantity", "Minimum quantity / multiple"),
            ("amount", "Minimum order amount"),
        ],
        string="Type",
        default="quantity",
        required=True,
    )
    applied_on = fields.Selection(
        [
            ("product", "Product"),
            ("category", "Product Category"),
            ("all", "All Products"),
        ],
        string="Apply On",
        default="product",
        required=True,
    )
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Product",
        ondelete="cascade",
        check_company=True,
    )
    categ_id = fields.Many2one(
        "product.category", string="Product Category", ondelete="cascade"
    )
    tier_ids = fields.Many2many(
        "b2b.dealer.tier",
        string="Dealer Tiers",
        check_company=True,
        help="Leave empty to apply the rule to the dealers of every tier.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
        check_company=True,
        ondelete="cascade",
        help="Apply the rule to this dealer only (it then wins over tier rules).",
    )
    min_qty = fields.Float(
        string="Minimum Quantity",
        digits="Product Unit of Measure",
        help="In the unit of measure of the product.",
    )
    qty_multiple = fields.Float(
        string="Order Multiple",
        digits="Product Unit of Measure",
        help="Pack size: the quantity ordered must be a multiple of it (in the unit "
        "of measure of the product).",
    )
    min_amount = fields.Monetary(
        string="Minimum Order Amount",
        currency_field="currency_id",
        help="Untaxed amount of the order.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    mode = fields.Selection(
        [("warn", "Warn"), ("block", "Block")],
        default="block",
        required=True,
        help="Warn: the order shows the problem but can be confirmed.\n"
        "Block: the order cannot be confirmed until the problem is fixed.",
    )

    _sql_constraints = [
        (
            "values_positive",
            "CHECK(min_qty >= 0 AND qty_multiple >= 0 AND min_amount >= 0)",
            "Minimum quantity, order multiple and minimum amount cannot be "
            "negative.",
        ),
    ]

    @api.constrains(
        "rule_type", "applied_on", "product_tmpl_id", "categ_id", "min_qty",
        "qty_multiple", "min_amount",
    )  # fmt: skip
    def _check_rule_values(self):
        for rule in self:
            if rule.rule_type == "amount":
                if not rule.min_amount:
                    raise ValidationError(
                        self.env._("Rule %s: set a minimum order amount.", rule.name)
                    )
                continue
            if not (rule.min_qty or rule.qty_multiple):
                raise ValidationError(
                    self.env._(
                        "Rule %s: set a minimum quantity or an order multiple.",
                        rule.name,
                    )
                )
            if rule.applied_on == "product" and not rule.product_tmpl_id:
                raise ValidationError(
                    self.env._("Rule %s: choose the product.", rule.name)
                )
            if rule.applied_on == "category" and not rule.categ_id:
                raise ValidationError(
                    self.env._("Rule %s: choose the product category.", rule.name)
                )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _b2b_get_rules(self, dealer, company):
        """Active rules of the company that may apply to the dealer (sudo)."""
        dealer = dealer.commercial_partner_id
        rules = (
            self.sudo()
            .with_context(active_test=True)
            .search([("company_id", "in", (company.id, False))])
        )
        return rules.filtered(
            lambda r: (not r.partner_id or r.partner_id == dealer)
            and (not r.tier_ids or dealer.b2b_tier_id in r.tier_ids)
        )

    def _b2b_specificity(self, product=None):
        """Sort key: the smallest key is the most specific rule."""
        self.ensure_one()
        if self.applied_on == "product":
            target = (0, 0)
        elif self.applied_on == "category":
            target = (1, -len((self.categ_id.parent_path or "").split("/")))
        else:
            target = (2, 0)
        return (
            0 if self.partner_id else 1,
            0 if self.tier_ids else 1,
            *target,
            self.sequence,
            self.id,
        )

    def _b2b_matches_product(self, product):
        self.ensure_one()
        if self.applied_on == "product":
            return product.product_tmpl_id == self.product_tmpl_id
        if self.applied_on == "category":
            path = self.categ_id.parent_path or ""
            return (product.categ_id.parent_path or "").startswith(path)
        return True

    @api.model
    def _b2b_check_cart(self, dealer, cart, amount, currency, company, date=None):
        """Check a cart against the order rules of a dealer.

        :param dealer: res.partner (the dealer or one of its contacts); the
            rules apply to dealers only
        :param cart: list of dicts ``key``, ``product``, ``quantity``, ``uom``
        :param float amount: untaxed amount of the cart in ``currency``
        :returns: list of dicts ``rule``, ``mode`` (warn/block), ``message``
            and ``keys`` (the cart keys concerned), most blocking first
        """
        dealer = dealer.commercial_partner_id
        if not dealer.b2b_is_dealer:
            return []
        rules = self._b2b_get_rules(dealer, company)
        if not rules:
            return []
        date = date or fields.Date.context_today(self)
        violations = []
        qty_rules = rules.filtered(lambda r: r.rule_type == "quantity").sorted(
            lambda r: r._b2b_specificity()
        )
        if qty_rules:
            quantities = defaultdict(float)
            keys = defaultdict(list)
            for line in cart:
                product = line["product"]
                uom = line.get("uom") or product.uom_id
                qty = line["quantity"]
                if uom != product.uom_id:
                    qty = uom._compute_quantity(
                        qty, product.uom_id, raise_if_failure=False
                    )
                quantities[product] += qty
                keys[product].append(line["key"])
            for product, qty in quantities.items():
                rule = next(
                    (r for r in qty_rules if r._b2b_matches_product(product)), None
                )
                if rule:
                    message = rule._b2b_check_quantity(product, qty)
                    if message:
                        violations.append(
                            {
                                "rule": rule,
                                "mode": rule.mode,
                                "message": message,
                                "keys": keys[product],
                            }
                        )
        amount_rules = rules.filtered(lambda r: r.rule_type == "amount").sorted(
            lambda r: r._b2b_specificity()
        )
        if amount_rules:
            rule = amount_rules[0]
            minimum = rule.currency_id._convert(
                rule.min_amount, currency, company, date, round=True
            )
            if currency.compare_amounts(amount, minimum) < 0:
                violations.append(
                    {
                        "rule": rule,
                        "mode": rule.mode,
                        "message": self.env._(
                            "The minimum order amount is %(minimum)s (untaxed): "
                            "add %(missing)s to the order.",
                            minimum=format_amount(self.env, minimum, currency),
                            missing=format_amount(self.env, minimum - amount, currency),
                        ),
                        "keys": [],
                    }
                )
        violations.sort(key=lambda v: v["mode"] != "block")
        return violations

    def _b2b_check_quantity(self, product, qty):
        """Message saying how to fix ``qty`` (in product UoM), or False."""
        self.ensure_one()
        rounding = product.uom_id.rounding or 0.01
        uom_name = product.uom_id.name
        if (
            self.min_qty
            and float_compare(qty, self.min_qty, precision_rounding=rounding) < 0
        ):
            return self.env._(
                "%(product)s: the minimum order quantity is %(minimum)s %(uom)s; "
                "add %(missing)s %(uom)s.",
                product=product.display_name,
                minimum=_fmt_qty(self.min_qty),
                missing=_fmt_qty(
                    float_round(self.min_qty - qty, precision_rounding=rounding)
                ),
                uom=uom_name,
            )
        multiple = self.qty_multiple
        if multiple:
            ratio = qty / multiple
            if abs(ratio - round(ratio)) > 1e-6:
                lower = math.floor(ratio) * multiple
                upper = math.ceil(ratio) * multiple
                if lower and lower >= (self.min_qty or 0.0):
                    return self.env._(
                        "%(product)s: order in multiples of %(multiple)s: "
                        "%(lower)s or %(upper)s %(uom)s.",
                        product=product.display_name,
                        multiple=_fmt_qty(multiple),
                        lower=_fmt_qty(lower),
                        upper=_fmt_qty(upper),
                        uom=uom_name,
                    )
                return self.env._(
                    "%(product)s: order in multiples of %(multiple)s: %(upper)s "
                    "%(uom)s.",
                    product=product.display_name,
                    multiple=_fmt_qty(multiple),
                    upper=_fmt_qty(upper),
                    uom=uom_name,
                )
        return False
