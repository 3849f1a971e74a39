# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError

MAX_LINES = 5000


class B2bPricingService(models.AbstractModel):
    """Pricing for integrators: one call prices many products for a dealer.

    Read-only: it never writes, so a bad line cannot leave a partial result
    in the database. Every argument is validated; bad lines come back with an
    ``error`` message instead of raising.
    """

    _name = "b2b.pricing.service"
    _description = "Dealer Pricing Service"

    @api.model
    def price_products(self, dealer, lines, date=None):
        """Price ``lines`` for ``dealer`` at ``date``.

        :param dealer: id of the dealer (res.partner) or its dealer code
        :param lines: list of dicts with ``product_id`` (int) or ``sku``
            (internal reference, str), and ``quantity`` (number > 0)
        :param date: ISO date or datetime (str), default now
        :returns: dict with ``ok``, ``error``, ``dealer_id``, ``pricelist_id``,
            ``currency``, ``date`` and ``lines``: per line ``index``, ``ok``,
            ``error``, ``product_id``, ``sku``, ``quantity``, ``price_unit``
            (net), ``list_price`` (before discount), ``discount`` (%),
            ``currency``, ``rule`` (id, name, source) and ``next_break``
            (quantity to add, price_unit) or None
        """
        result = {
            "ok": False,
            "error": None,
            "dealer_id": None,
            "pricelist_id": None,
            "currency": None,
            "date": None,
            "lines": [],
        }
        partner = self._b2b_find_dealer(dealer)
        if not partner:
            result["error"] = self.env._("Unknown dealer %s.", str(dealer)[:64])
            return result
        self._b2b_check_pricing_access(partner)
        result["dealer_id"] = partner.id
        if not isinstance(lines, list | tuple) or len(lines) > MAX_LINES:
            result["error"] = self.env._(
                "lines must be a list of at most %s dicts.", MAX_LINES
            )
            return result
        price_date = self._b2b_parse_date(date)
        if price_date is None:
            result["error"] = self.env._(
                "Invalid date %s: use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS.",
                str(date)[:64],
            )
            return result
        result["date"] = fields.Datetime.to_string(price_date)
        partner = partner.sudo()
        company = partner.company_id or self.env.company
        if not partner.b2b_can_order:
            result["error"] = self.env._(
                "%s is not an approved dealer: it cannot be priced.",
                partner.display_name,
            )
            result["lines"] = [
                {"index": index, "ok": False, "error": result["error"]}
                for index in range(len(lines))
            ]
            return result
        sudo_self = self.sudo().with_company(company)
        partner = partner.with_company(company)
        pricelist = partner.property_product_pricelist
        currency = pricelist.currency_id or company.currency_id
        result.update(pricelist_id=pricelist.id or None, currency=currency.name)
        line_results, cart = sudo_self._b2b_parse_lines(lines)
        source = (
            sudo_self.env["product.pricelist"]
            ._b2b_get_partner_pricelist_sources(partner.ids)
            .get(partner.id, (None, "default"))[1]
        )
        prices = pricelist._b2b_compute_cart(cart, date=price_date, currency=currency)
        for entry in cart:
            line_result = line_results[entry["key"]]
            line_result.update(
                sudo_self._b2b_format_price(
                    entry, prices[entry["key"]], source, price_date, currency
                )
            )
        result["lines"] = line_results
        result["ok"] = all(line["ok"] for line in line_results)
        return result

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @api.model
    def _b2b_find_dealer(self, dealer):
        Partner = self.env["res.partner"].sudo()
        if isinstance(dealer, bool):
            return Partner
        if isinstance(dealer, int):
            partner = Partner.browse(dealer).exists()
        elif isinstance(dealer, str) and dealer.strip():
            partner = Partner.search(
                [("b2b_dealer_code", "=ilike", dealer.strip())], limit=1
            )
        else:
            return Partner
        partner = partner.commercial_partner_id
        return partner if partner.b2b_is_dealer else Partner

    @api.model
    def _b2b_check_pricing_access(self, dealer):
        """A dealer's user prices for its dealer only; staff need read access."""
        if self.env.su:
            return
        user = self.env.user
        own_dealer = user._b2b_dealer()
        if own_dealer:
            if own_dealer != dealer:
                raise AccessError(
                    self.env._("You can only request the prices of your own dealer.")
                )
            return
        if user._is_internal() and user.has_group(
            "b2b_base.b2b_base_group_salesman_own"
        ):
            # record rules: a salesperson limited to own dealers
            dealer.with_env(self.env).check_access("read")
            return
        raise AccessError(self.env._("You are not allowed to request dealer prices."))

    @api.model
    def _b2b_parse_date(self, date):
        if date in (None, False, ""):
            return fields.Datetime.now()
        if not isinstance(date, str):
            return None
        try:
            if len(date) <= 10:
                return datetime.datetime.combine(
                    fields.Date.to_date(date), datetime.time.min
                )
            return fields.Datetime.to_datetime(date)
        except ValueError:
            return None

    @api.model
    def _b2b_parse_lines(self, lines):
        """Validate the lines; returns (per line results, cart of valid lines)."""
        by_id, by_sku = self._b2b_find_products(lines)
        results, cart = [], []
        for index, line in enumerate(lines):
            res = {"index": index, "ok": False, "error": None}
            results.append(res)
            error, product = self._b2b_check_line(index, line, by_id, by_sku, res)
            if error:
                res["error"] = error
                continue
            res.update(ok=True, product_id=product.id, sku=product.default_code or None)
            cart.append(
                {
                    "key": index,
                    "product": product,
                    "quantity": float(line["quantity"]),
                    "uom": product.uom_id,
                }
            )
        return results, cart

    @api.model
    def _b2b_find_products(self, lines):
        """All the products named by the lines, in one query (incl. archived,
        to report them as such): ({id: product}, {sku: product})."""
        ids, skus = set(), set()
        for line in lines:
            if not isinstance(line, dict):
                continue
            product_id, sku = line.get("product_id"), line.get("sku")
            if isinstance(product_id, int) and not isinstance(product_id, bool):
                ids.add(product_id)
            elif isinstance(sku, str) and sku.strip():
                skus.add(sku.strip())
        Product = self.env["product.product"].with_context(active_test=False)
        if not (ids or skus):
            return {}, {}
        domain = [("id", "in", list(ids))]
        if skus:
            domain = ["|", ("default_code", "in", list(skus)), *domain]
        domain = [("company_id", "in", [self.env.company.id, False]), *domain]
        found = Product.search(domain)
        by_sku = {}
        # a SKU shared by an archived (or unsellable) product and an orderable
        # one names the orderable one; the search order breaks other ties
        orderable_first = found.sorted(
            lambda p: not (p.active and p.product_tmpl_id.active and p.sale_ok)
        )
        for product in orderable_first:
            if product.default_code:
                by_sku.setdefault(product.default_code, product)
        return {product.id: product for product in found}, by_sku

    @api.model
    def _b2b_check_line(self, index, line, by_id, by_sku, res):
        """(error message or None, product) for one input line."""
        if not isinstance(line, dict):
            return self.env._("Line %s must be a dict.", index + 1), None
        product_id, sku = line.get("product_id"), line.get("sku")
        res.update(product_id=product_id, sku=sku, quantity=line.get("quantity"))
        if product_id is not None:
            if not isinstance(product_id, int) or isinstance(product_id, bool):
                return self.env._("product_id must be an integer."), None
            product = by_id.get(product_id)
        elif isinstance(sku, str) and sku.strip():
            product = by_sku.get(sku.strip())
        else:
            return self.env._("Give a product_id or a sku."), None
        if not product:
            return self.env._("Unknown product %s.", str(product_id or sku)[:64]), None
        if not product.active or not product.product_tmpl_id.active:
            return self.env._("Product %s is archived.", product.display_name), None
        if not product.sale_ok:
            return self.env._("Product %s cannot be sold.", product.display_name), None
        quantity = line.get("quantity")
        if not isinstance(quantity, int | float) or isinstance(quantity, bool):
            return self.env._("quantity must be a number."), None
        if not 0 < quantity < float("inf"):
            # also rejects NaN
            return self.env._("quantity must be greater than zero."), None
        return None, product

    @api.model
    def _b2b_format_price(self, entry, price_res, source, date, currency):
        rule = price_res["rule"]
        product = entry["product"]
        price = price_res["price"]
        list_price = price
        if rule and rule.compute_price == "percentage":
            list_price = rule._compute_price_before_discount(
                product=product,
                quantity=entry["quantity"],
                uom=entry["uom"],
                date=date,
                currency=currency,
            )
        discount = 0.0
        if list_price and list_price > price:
            discount = round((list_price - price) / list_price * 100.0, 4)
        next_break = None
        if price_res["next_qty"]:
            next_break = {
                "quantity": price_res["next_qty"],
                "price_unit": currency.round(price_res["next_price"]),
            }
        return {
            "price_unit": currency.round(price),
            "list_price": currency.round(list_price),
            "discount": discount,
            "currency": currency.name,
            "rule": {
                "id": rule.id or None,
                "name": rule.name or None,
                "source": self.env["product.pricelist.item"]._b2b_price_source(
                    rule, source
                ),
            },
            "next_break": next_break,
        }
