# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

#: see product.pricelist._b2b_base_prices (defined here to avoid an import cycle)
BASE_PRICE_CACHE_KEY = "b2b_pricing_base_prices"

PRICE_SOURCES = [
    ("list", "Sales price"),
    ("contract", "Contract price"),
    ("tier", "Tier price"),
    ("region", "Regional price"),
    ("default", "Pricelist"),
    ("break", "Volume break"),
    ("promotion", "Promotion"),
    ("manual", "Manual price"),
]


class ProductPricelistItem(models.Model):
    _inherit = "product.pricelist.item"

    b2b_qty_scope = fields.Selection(
        [
            ("line", "This line only"),
            ("template", "All variants of the product"),
            ("category", "All products of the category"),
            ("order", "Whole order"),
        ],
        string="Count Quantity Over",
        default="line",
        required=True,
        help="Quantity compared with the minimum quantity of this rule:\n"
        "- This line only: standard Odoo behaviour;\n"
        "- All variants of the product: the quantities of all the variants of the "
        "product template in the order are added up;\n"
        "- All products of the category: the quantities of all the products of the "
        "rule's category (or, for a product rule, of the product's category) in "
        "the order are added up;\n"
        "- Whole order: the quantities of all the products of the order are added "
        "up.\n"
        "Quantities are converted to the unit of measure of the priced product; "
        "products whose unit cannot be converted are not counted.",
    )

    @api.model
    def _b2b_price_source(self, rule, pricelist_source):
        """Origin of a price: no rule (list), a volume break, or the pricelist's
        origin for the dealer (contract, tier, region, default)."""
        if not rule:
            return "list"
        if rule.min_quantity:
            return "break"
        return pricelist_source or "default"

    def _compute_base_price(self, product, quantity, uom, date, currency):
        """Use the base pricelist prices computed for the whole cart, if any
        (see ``product.pricelist._b2b_base_prices``)."""
        lookup = self.env.cr.cache.get(BASE_PRICE_CACHE_KEY) or {}
        base = self.base or "list_price"
        if lookup and base in ("list_price", "standard_price"):
            extra = product.env.context.get("no_variant_attributes_price_extra", 0)
            price = lookup.get((base, product.id, uom.id, extra))
            if price is not None:
                src_currency = (
                    product.cost_currency_id
                    if base == "standard_price"
                    else product.currency_id
                )
                if src_currency != currency:
                    price = src_currency._convert(
                        price, currency, self.env.company, date, round=False
                    )
                return price
        if lookup and self.base == "pricelist" and self.base_pricelist_id:
            price = lookup.get(
                (self.base_pricelist_id.id, product.id, uom.id, quantity)
            )
            if price is not None:
                src_currency = self.base_pricelist_id.currency_id
                if src_currency != currency:
                    price = src_currency._convert(
                        price, currency, self.env.company, date, round=False
                    )
                return price
        return super()._compute_base_price(product, quantity, uom, date, currency)
