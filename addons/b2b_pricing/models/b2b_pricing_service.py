# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import math
import unicodedata
from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, float_round

#: most lines of one order or call, whatever the surface (``_b2b_max_lines``)
MAX_LINES = 5000
MAX_QUANTITY = 1e9

#: the products named by lines (:meth:`B2bPricingService._b2b_find_products`)
FoundProducts = namedtuple("FoundProducts", "by_id by_sku ambiguous errors")


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


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
        if not isinstance(lines, list | tuple) or len(lines) > self._b2b_max_lines():
            result["error"] = self.env._(
                "lines must be a list of at most %s dicts.", self._b2b_max_lines()
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

    # ------------------------------------------------------------------
    # Lines: the one validator of what a dealer line may order
    # ------------------------------------------------------------------
    @api.model
    def _b2b_max_lines(self):
        """Most lines one order (or one pricing call) may have, whatever the
        surface: quick order, CSV / XLSX upload, API."""
        return MAX_LINES

    @api.model
    def _b2b_parse_lines(self, lines):
        """Validate the lines; returns (per line results, cart of valid lines)."""
        results, cart = [], []
        for check in self._b2b_check_lines(lines):
            res = {"index": check["index"], "ok": check["ok"], "error": check["error"]}
            line = lines[check["index"]]
            if isinstance(line, dict):
                res.update(
                    product_id=line.get("product_id"),
                    sku=line.get("sku"),
                    quantity=line.get("quantity"),
                )
            results.append(res)
            if not check["ok"]:
                continue
            product = check["product"]
            res.update(product_id=product.id, sku=product.default_code or None)
            cart.append(
                {
                    "key": check["index"],
                    "product": product,
                    "quantity": check["quantity"],
                    "uom": product.uom_id,
                }
            )
        return results, cart

    @api.model
    def _b2b_check_lines(self, lines, unit=True):
        """Check ``lines`` (dicts of ``product_id`` or ``sku``, and
        ``quantity``) for the current company: the one line validator of the
        portal, the CSV / XLSX upload, the API and the pricing service.

        :param unit: also check that each quantity fits its unit of measure
            (the order line would round it otherwise)
        :returns: one dict per line, in order: ``index``, ``ok``, ``code``
            (stable, see below), ``error`` (message), ``field`` (the faulty
            key), ``product`` and ``quantity`` (float) when ``ok``.
            Codes: ``INVALID_TYPE``, ``MISSING_FIELD``, ``UNKNOWN_PRODUCT``,
            ``UNKNOWN_SKU``, ``AMBIGUOUS_SKU``, ``PRODUCT_UNAVAILABLE``,
            ``INVALID_QUANTITY``.
        """
        found = self._b2b_find_products(lines)
        digits = (
            self.env["decimal.precision"].precision_get("Product Unit of Measure")
            if unit
            else None
        )
        return [
            self._b2b_check_line(index, line, found, digits)
            for index, line in enumerate(lines)
        ]

    @api.model
    def _b2b_find_products(self, lines):
        """The products named by the lines, in one query (incl. archived, to
        report them as such): a :class:`FoundProducts` of ``by_id`` ({id:
        product}), ``by_sku`` ({sku: product}, keyed by the SKUs as given,
        stripped), ``ambiguous`` (skus) and ``errors`` ({id: why the product
        cannot be ordered, or None}: the orderable rule, checked once).

        A SKU is matched exactly first, then case- and width-insensitively
        (:meth:`_b2b_sku_key`: ``e-com08`` or the full-width ``Ｅ－ＣＯＭ０８``
        typed with a Chinese input method name ``E-COM08``). At each level
        (exact, then insensitive) the SKU names the only orderable product
        when there is one (an archived product keeping the SKU of its
        replacement does not hide it); several orderable products at the
        same level make it ambiguous (``ab`` and ``AB`` for ``Ab``). An
        exact orderable match wins over an insensitive one; with nothing
        orderable, the product found is returned to be reported as such.
        """
        ids, skus = set(), set()
        for line in lines:
            if not isinstance(line, dict):
                continue
            product_id, sku = line.get("product_id"), line.get("sku")
            if _is_int(product_id):
                ids.add(product_id)
            elif isinstance(sku, str) and sku.strip():
                skus.add(sku.strip())
        Product = self.env["product.product"].with_context(active_test=False)
        if not (ids or skus):
            return FoundProducts({}, {}, set(), {})
        domain = [("id", "in", list(ids))]
        if skus:
            domain = [
                "|",
                "|",
                ("default_code", "in", list(skus)),
                ("id", "in", self._b2b_sku_key_query(skus)),
                *domain,
            ]
        domain = [("company_id", "in", [self.env.company.id, False]), *domain]
        found = Product.search(domain)
        # the orderable rule of every product found, in one pass
        errors = found._b2b_orderable_errors()
        keys = {sku: self._b2b_sku_key(sku) for sku in skus}
        exact, loose = {}, {}
        for product in found:
            code = product.default_code
            if not code:
                continue
            exact.setdefault(code, []).append(product)
            loose.setdefault(self._b2b_sku_key(code), []).append(product)
        by_sku, ambiguous = {}, set()
        for sku in skus:
            matches = exact.get(sku, [])
            others = [p for p in loose.get(keys[sku], []) if p.default_code != sku]
            for level in (matches, others):
                orderable = [p for p in level if not errors[p.id]]
                if len(orderable) > 1:
                    ambiguous.add(sku)
                    break
                if orderable:
                    by_sku[sku] = orderable[0]
                    break
            else:
                if matches or others:
                    by_sku[sku] = (matches or others)[0]
        return FoundProducts(
            {product.id: product for product in found}, by_sku, ambiguous, errors
        )

    @api.model
    def _b2b_sku_key(self, sku):
        """The form under which two SKUs are the same for a buyer: Unicode
        compatibility normalisation (NFKC: full-width letters, digits and
        signs of an input method become their ASCII forms), then case
        folding; surrounding spaces dropped."""
        return unicodedata.normalize("NFKC", sku).casefold().strip()

    @api.model
    def _b2b_sku_key_query(self, skus):
        """Subquery of the ids of the products whose SKU may have the key of
        one of ``skus``: the SKUs lowered (and normalised with NFKC from
        PostgreSQL 13) by the database on both sides, a superset that
        :meth:`_b2b_find_products` narrows with :meth:`_b2b_sku_key`."""
        code = SQL.identifier("default_code")
        if self.env.cr._cnx.server_version >= 130000:
            code = SQL("normalize(%s, NFKC)", code)
        values = sorted({unicodedata.normalize("NFKC", sku).strip() for sku in skus})
        return SQL(
            "(SELECT id FROM product_product WHERE default_code IS NOT NULL "
            "AND lower(%s) IN (SELECT lower(value) FROM unnest(%s::varchar[]) value))",
            code,
            values,
        )

    @api.model
    def _b2b_check_line(self, index, line, found, digits=None):
        """The verdict on one line (see :meth:`_b2b_check_lines`): every
        problem of the line in ``errors`` (``code``, ``message``, ``field``),
        the first one also as ``code`` / ``error`` / ``field``; ``found`` is
        the result of :meth:`_b2b_find_products`."""
        errors = []

        def fail(code, message, field=None):
            errors.append({"code": code, "message": message, "field": field})

        if isinstance(line, dict):
            product = self._b2b_check_line_product(line, found, fail)
            quantity = self._b2b_check_line_quantity(line, product, digits, fail)
        else:
            fail("INVALID_TYPE", self.env._("A line must be an object (dict)."))
        first = errors[0] if errors else {}
        res = {
            "index": index,
            "ok": not errors,
            "code": first.get("code"),
            "error": first.get("message"),
            "field": first.get("field"),
            "errors": errors,
        }
        if not errors:
            res.update(product=product, quantity=float(quantity))
        return res

    @api.model
    def _b2b_check_line_product(self, line, found, fail):
        """The orderable product named by ``line``, or ``None`` (``fail``
        called with the reason)."""
        by_id, by_sku, ambiguous, errors = found
        product_id, sku = line.get("product_id"), line.get("sku")
        field = "product_id" if product_id is not None else "sku"
        if product_id is not None:
            if not _is_int(product_id):
                return fail(
                    "INVALID_TYPE",
                    self.env._("product_id must be an integer."),
                    "product_id",
                )
            product = by_id.get(product_id)
            if not product:
                return fail(
                    "UNKNOWN_PRODUCT",
                    self.env._("Unknown product %s.", product_id),
                    "product_id",
                )
        elif sku is not None:
            if not isinstance(sku, str) or not sku.strip():
                return fail(
                    "INVALID_TYPE", self.env._("sku must be a non-empty text."), "sku"
                )
            sku = sku.strip()
            if sku in ambiguous:
                return fail(
                    "AMBIGUOUS_SKU",
                    self.env._(
                        "Several products have the SKU %s: give the product_id.",
                        sku[:64],
                    ),
                    "sku",
                )
            product = by_sku.get(sku)
            if not product:
                return fail(
                    "UNKNOWN_SKU", self.env._("Unknown product %s.", sku[:64]), "sku"
                )
        else:
            return fail(
                "MISSING_FIELD",
                self.env._("Give the product: sku or product_id."),
                "sku",
            )
        error = errors[product.id]
        if error:
            return fail("PRODUCT_UNAVAILABLE", error, field)
        return product

    @api.model
    def _b2b_check_line_quantity(self, line, product, digits, fail):
        """The quantity of ``line`` when it is valid for ``product`` (the
        unit is checked when ``digits`` is given and the product known)."""
        quantity = line.get("quantity")
        if quantity is None:
            return fail(
                "MISSING_FIELD", self.env._("quantity is required."), "quantity"
            )
        if not isinstance(quantity, int | float) or isinstance(quantity, bool):
            return fail(
                "INVALID_TYPE",
                self.env._(
                    "quantity must be a number, not %s.", type(quantity).__name__
                ),
                "quantity",
            )
        if math.isnan(quantity) or not 0 < quantity <= MAX_QUANTITY:
            return fail(
                "INVALID_QUANTITY",
                self.env._(
                    "quantity must be greater than zero and at most %s.",
                    int(MAX_QUANTITY),
                ),
                "quantity",
            )
        if (
            digits is not None
            and product
            and not self._b2b_unit_quantity(product, quantity, digits)
        ):
            # the order line would round it (to zero, or to another quantity)
            return fail(
                "INVALID_QUANTITY",
                self.env._(
                    "quantity %(quantity)s is finer than the unit %(uom)s allows "
                    "(steps of %(rounding)s).",
                    quantity=quantity,
                    uom=product.uom_id.name,
                    rounding=max(product.uom_id.rounding, 10**-digits),
                ),
                "quantity",
            )
        return quantity

    @api.model
    def _b2b_unit_quantity(self, product, quantity, digits):
        """Whether the order line keeps ``quantity`` as it is: a multiple of
        the unit's rounding, with no more decimals than the quantity field."""
        rounded = float_round(
            float_round(quantity, precision_rounding=product.uom_id.rounding),
            precision_digits=digits,
        )
        return rounded > 0 and abs(rounded - quantity) <= 1e-9 * max(1.0, quantity)

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
