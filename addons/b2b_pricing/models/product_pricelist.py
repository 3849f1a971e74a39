# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.tools import float_round

from .product_pricelist_item import BASE_PRICE_CACHE_KEY

#: how many candidate thresholds are tried when looking for the next break
NEXT_BREAK_CANDIDATES = 5

#: rule fields read with the rule search (one query for all the rules)
RULE_FIELDS = [
    "pricelist_id",
    "applied_on",
    "min_quantity",
    "b2b_qty_scope",
    "categ_id",
    "product_tmpl_id",
    "product_id",
    "compute_price",
    "fixed_price",
    "percent_price",
    "base",
    "base_pricelist_id",
    "price_discount",
    "price_markup",
    "price_round",
    "price_surcharge",
    "price_min_margin",
    "price_max_margin",
    "currency_id",
    "company_id",
]


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    b2b_has_cumulative_rules = fields.Boolean(
        string="Has Cumulative Rules",
        compute="_compute_b2b_has_cumulative_rules",
        store=True,
        help="Some rules count quantities over several lines: the lines of a "
        "quotation are repriced together whenever one of them changes.",
    )

    @api.depends("item_ids.b2b_qty_scope")
    def _compute_b2b_has_cumulative_rules(self):
        groups = (
            self.env["product.pricelist.item"]
            .with_context(active_test=False)
            ._read_group(
                [("pricelist_id", "in", self.ids), ("b2b_qty_scope", "!=", "line")],
                ["pricelist_id"],
            )
        )
        cumulative = {pricelist.id for (pricelist,) in groups}
        for pricelist in self:
            pricelist.b2b_has_cumulative_rules = pricelist.id in cumulative

    # ------------------------------------------------------------------
    # Dealer pricelist resolution (res.partner.property_product_pricelist)
    # ------------------------------------------------------------------
    @api.model
    def _get_partner_pricelist_multi(self, partner_ids):
        """Add the dealer precedence to Odoo's resolution.

        Non-dealers keep Odoo's result untouched. For dealers: contract
        (specific pricelist of the partner), then tier and region in the order
        of the company's ``b2b_pricelist_precedence``, then Odoo's fallback.
        """
        result = super()._get_partner_pricelist_multi(partner_ids)
        sources = self._b2b_resolve_dealer_pricelists(partner_ids, result)
        result.update({pid: pricelist for pid, (pricelist, __) in sources.items()})
        return result

    def _get_partner_pricelist_multi_filter_hook(self):
        if self.env.context.get("b2b_pricelist_ignore_contract"):
            return self.browse()
        return super()._get_partner_pricelist_multi_filter_hook()

    def _b2b_usable_pricelist(self, company):
        return self.filtered(
            lambda pl: pl.active and pl.company_id.id in (company.id, False)
        )

    @api.model
    def _b2b_resolve_dealer_pricelists(self, partner_ids, odoo_result):
        """Pricelist and its origin for the partners that belong to a dealer.

        :param odoo_result: {partner_id: pricelist} as resolved by Odoo
        :returns: {partner_id: (pricelist, source)} with source in
            ``contract``, ``tier``, ``region``, ``default``
        """
        ignore_contract = self.env.context.get("b2b_pricelist_ignore_contract")
        company = self.env.company
        precedence = company.b2b_pricelist_precedence or "tier"
        partners = (
            self.env["res.partner"].with_context(active_test=False).browse(partner_ids)
        )
        empty = self.browse()
        result = {}
        for partner in partners:
            dealer = partner.commercial_partner_id
            if not dealer.b2b_is_dealer:
                continue
            if not ignore_contract:
                contract = partner.specific_property_product_pricelist
                contract = contract._b2b_usable_pricelist(company)
                if contract:
                    result[partner.id] = (contract, "contract")
                    continue
            odoo_pricelist = odoo_result.get(partner.id) or empty
            tier_pl = dealer.b2b_tier_id.pricelist_id._b2b_usable_pricelist(company)
            region_pl = dealer.b2b_region_id.pricelist_id._b2b_usable_pricelist(company)
            country = partner.country_id or dealer.country_id
            if (
                not region_pl
                and country
                and country in odoo_pricelist.country_group_ids.country_ids
            ):
                region_pl = odoo_pricelist
            candidates = [(tier_pl, "tier"), (region_pl, "region")]
            if precedence == "region":
                candidates.reverse()
            candidates.append((odoo_pricelist, "default"))
            result[partner.id] = next(
                ((pl, source) for pl, source in candidates if pl),
                (empty, "default"),
            )
        return result

    @api.model
    def _b2b_get_partner_pricelist_sources(self, partner_ids, ignore_contract=False):
        """{partner_id: (pricelist, source)} for dealer partners.

        With ``ignore_contract``, the pricelist the dealer would have without
        its contract pricelist.
        """
        pricelists = self.with_context(b2b_pricelist_ignore_contract=ignore_contract)
        odoo_result = super(ProductPricelist, pricelists)._get_partner_pricelist_multi(
            partner_ids
        )
        return pricelists._b2b_resolve_dealer_pricelists(partner_ids, odoo_result)

    # ------------------------------------------------------------------
    # Batch pricing with cumulative quantities
    # ------------------------------------------------------------------
    def _b2b_compute_cart(
        self,
        cart,
        date=False,
        currency=None,
        compute_price=True,
        next_break=True,
        isolated=False,
    ):
        """Price a whole cart with one rule query.

        Mono pricelist (``self`` may be empty: list prices), many lines. The
        rules of all the products are fetched with the domain of Odoo's
        ``_get_applicable_rules`` in one query, indexed in Python, and the
        quantities of the cumulative scopes (``b2b_qty_scope``) are added up
        over the whole cart before the rules are matched.

        :param cart: list of dicts with ``key`` (hashable, unique), ``product``
            (product.product, may carry a price context), ``quantity`` (in
            ``uom``) and optionally ``uom`` (uom.uom, default: product UoM) and
            ``count`` (default True: False to price a line without counting
            its quantity in the cumulative scopes)
        :param isolated: price every line as if it were alone in its order
            (the catalogue's price for a quantity): the cumulative scopes of a
            line count its own quantity only
        :returns: {key: dict(rule, price, scoped_qty, next_qty, next_price,
            next_rule)}; ``next_qty`` is the quantity to add to the line (in
            the line's UoM) to reach a lower unit price ``next_price``.
        """
        self and self.ensure_one()
        if not cart:
            return {}
        date = date or fields.Datetime.now()
        currency = currency or self.currency_id or self.env.company.currency_id
        products = self.env["product.product"].browse(
            list(dict.fromkeys(entry["product"].id for entry in cart))
        )
        matcher = CartRuleMatcher(
            self._b2b_fetch_rules(products, date), cart, isolated=isolated
        )
        with self._b2b_base_prices(matcher, date, compute_price, next_break):
            return self._b2b_price_entries(
                matcher, date, currency, compute_price, next_break
            )

    @contextmanager
    def _b2b_base_prices(self, matcher, date, compute_price, next_break=False):
        """Price the cart once on each base pricelist ("Other Pricelist"
        formulas), so that ``_compute_base_price`` needs no query per line;
        with ``next_break``, the quantities of the next breaks as well."""
        base_pricelists = set()
        field_bases = set()
        for rule in matcher.rules:
            if not compute_price or rule.compute_price == "fixed":
                continue
            if rule.base == "pricelist" and rule.base_pricelist_id:
                base_pricelists.add(rule.base_pricelist_id)
            elif rule.base in ("list_price", "standard_price"):
                field_bases.add(rule.base)
        if compute_price and not matcher.rules:
            field_bases.add("list_price")  # no rule: the sales price
        if not base_pricelists and not field_bases:
            yield
            return
        lookup = self._b2b_field_base_prices(matcher, field_bases, date)
        entries = [
            (line, product, uom, quantity)
            for line, product, uom, quantity, __ in matcher.entries
        ]
        if base_pricelists and next_break:
            entries += self._b2b_next_break_base_entries(matcher)
        cart = [entry[0] for entry in entries]
        for base_pricelist in base_pricelists:
            prices = base_pricelist._b2b_compute_cart(
                cart,
                date=date,
                currency=base_pricelist.currency_id,
                next_break=False,
                isolated=matcher.isolated,
            )
            for line, product, uom, quantity in entries:
                key = (base_pricelist.id, product.id, uom.id, quantity)
                lookup[key] = prices[line["key"]]["price"]
        cache = self.env.cr.cache
        previous = cache.get(BASE_PRICE_CACHE_KEY)
        cache[BASE_PRICE_CACHE_KEY] = {**(previous or {}), **lookup}
        try:
            yield
        finally:
            cache[BASE_PRICE_CACHE_KEY] = previous

    def _b2b_next_break_base_entries(self, matcher):
        """Cart entries (not counted in the cumulative scopes) of the lines at
        the quantities of their next breaks, for the products having rules
        based on another pricelist (see ``_b2b_next_break``)."""
        entries = []
        for index, (__, product, uom, quantity, qty_pu) in enumerate(matcher.entries):
            if not any(
                matcher.rules[pos].base == "pricelist"
                for pos in matcher.candidates(product)
            ):
                continue
            product_uom = product.uom_id
            for delta in matcher.next_deltas(product, qty_pu):
                more = (
                    product_uom._compute_quantity(delta, uom, raise_if_failure=False)
                    if uom != product_uom
                    else delta
                )
                line = {
                    "key": ("b2b_next_break", index, delta),
                    "product": product,
                    "quantity": quantity + more,
                    "uom": uom,
                    "count": False,
                }
                entries.append((line, product, uom, quantity + more))
        return entries

    def _b2b_field_base_prices(self, matcher, bases, date):
        """Sales price / cost of the cart's products, computed with one
        ``_price_compute`` call per unit and base (Odoo calls it per line).

        :returns: {(base, product id, uom id, extra price): price}, see
            ``product.pricelist.item._compute_base_price``
        """
        groups = defaultdict(set)
        for __, product, uom, __, __ in matcher.entries:
            positions = matcher.candidates(product)
            if positions and all(
                matcher.rules[pos].compute_price == "fixed" for pos in positions
            ):
                continue  # fixed prices only: no base price needed
            extra = product.env.context.get("no_variant_attributes_price_extra", 0)
            groups[(uom, extra)].add(product.id)
        lookup = {}
        Product = self.env["product.product"]
        for (uom, extra), product_ids in groups.items():
            products = Product.browse(product_ids)
            if extra:
                products = products.with_context(
                    no_variant_attributes_price_extra=extra
                )
            for base in bases:
                prices = products._price_compute(base, uom=uom, date=date)
                for product_id, price in prices.items():
                    lookup[(base, product_id, uom.id, extra)] = price
        return lookup

    def _b2b_price_entries(self, matcher, date, currency, compute_price, next_break):
        Item = self.env["product.pricelist.item"]
        results = {}
        for line, product, uom, quantity, qty_pu in matcher.entries:
            rule, qty = matcher.winner(product, qty_pu)
            rule = rule or Item
            res = {
                "rule": rule,
                "scoped_qty": qty,
                "price": 0.0,
                "next_qty": 0.0,
                "next_price": 0.0,
                "next_rule": Item,
            }
            results[line["key"]] = res
            if not compute_price:
                continue
            price = rule._compute_price(
                product, quantity, uom, date=date, currency=currency
            )
            res["price"] = price
            if next_break:
                line_info = (product, uom, quantity, qty_pu)
                res.update(
                    self._b2b_next_break(
                        matcher, line_info, rule, price, date, currency
                    )
                )
        return results

    def _b2b_price_levels(self, products, date=False, currency=None):
        """The price list of a page of products as the engine prices them:
        each product priced alone at 1 and at every break that applies to
        it (product, template, category and global rules, whatever their
        quantity scope), in one batch.

        :returns: {product id: {"price": net price at 1, "list_price": sales
            price at 1 before the dealer's rule, "breaks": [{"quantity",
            "price", "scope"}] (lower prices only, by quantity)}}
        """
        self and self.ensure_one()
        if not products:
            return {}
        date = date or fields.Datetime.now()
        currency = currency or self.currency_id or self.env.company.currency_id
        rules = self._b2b_fetch_rules(products, date)
        matcher = CartRuleMatcher(rules, [], isolated=True)
        cart = []
        scopes = {}
        for product in products:
            levels = {1.0}
            for pos in matcher.candidates(product):
                rule = matcher.rules[pos]
                if rule.min_quantity > 1:
                    levels.add(rule.min_quantity)
                    scopes.setdefault(
                        (product.id, rule.min_quantity), rule.b2b_qty_scope or "line"
                    )
            cart += [
                {"key": (product.id, level), "product": product, "quantity": level}
                for level in sorted(levels)
            ]
        prices = self._b2b_compute_cart(
            cart, date=date, currency=currency, next_break=False, isolated=True
        )
        list_prices = products._price_compute("list_price", date=date)
        company_currency = self.env.company.currency_id
        result = {}
        for entry in cart:
            product_id, level = entry["key"]
            price = currency.round(prices[entry["key"]]["price"])
            if level == 1.0:
                result[product_id] = {
                    "price": price,
                    "list_price": currency.round(
                        company_currency._convert(
                            list_prices[product_id],
                            currency,
                            self.env.company,
                            date,
                            round=False,
                        )
                    ),
                    "breaks": [],
                }
                continue
            line = result[product_id]
            last = line["breaks"][-1]["price"] if line["breaks"] else line["price"]
            if currency.compare_amounts(price, last) < 0:
                line["breaks"].append(
                    {
                        "quantity": level,
                        "price": price,
                        "scope": scopes[(product_id, level)],
                    }
                )
        return result

    def _b2b_fetch_rules(self, products, date):
        """The rules of Odoo's ``_get_applicable_rules`` in a single query.

        Same domain (``_get_applicable_rules_domain``, the extension point)
        and order, archived rules included like Odoo, with the fields used
        for pricing fetched by the search itself.
        """
        Item = self.env["product.pricelist.item"]
        if not self:
            return Item
        return (
            Item.with_context(active_test=False)
            .search_fetch(
                self._get_applicable_rules_domain(products=products, date=date),
                RULE_FIELDS,
            )
            .with_env(self.env)
        )

    def _b2b_next_break(self, matcher, line_info, rule, price, date, currency):
        """Smallest quantity to add to the line for a lower unit price.

        :param line_info: (product, uom, quantity, quantity in product UoM)
        """
        product, uom, quantity, qty_pu = line_info
        product_uom = product.uom_id
        for delta in matcher.next_deltas(product, qty_pu):
            next_rule, __ = matcher.winner(product, qty_pu, delta)
            if not next_rule or next_rule == rule:
                continue
            more = (
                product_uom._compute_quantity(delta, uom, raise_if_failure=False)
                if uom != product_uom
                else delta
            )
            next_price = next_rule._compute_price(
                product, quantity + more, uom, date=date, currency=currency
            )
            if currency.compare_amounts(next_price, price) < 0:
                return {
                    "next_qty": more,
                    "next_price": next_price,
                    "next_rule": next_rule,
                }
        return {}


class CartRuleMatcher:
    """Pricelist rules indexed by target, and cart quantities per scope.

    ``rules`` come sorted in the pricelist item order (Odoo's priority); the
    candidates of a product keep that order, so the first candidate whose
    minimum quantity is reached is the rule Odoo would pick, the quantity
    being counted over the rule's ``b2b_qty_scope``.
    """

    def __init__(self, rules, cart, isolated=False):
        self.rules = list(rules)
        # every line alone: each scope holds the line's own quantity only
        self.isolated = isolated
        self.by_variant = defaultdict(list)
        self.by_tmpl = defaultdict(list)
        self.by_categ = defaultdict(list)
        self.global_positions = []
        for pos, rule in enumerate(self.rules):
            if rule.applied_on == "0_product_variant":
                self.by_variant[rule.product_id.id].append(pos)
            elif rule.applied_on == "1_product":
                self.by_tmpl[rule.product_tmpl_id.id].append(pos)
            elif rule.applied_on == "2_product_category":
                self.by_categ[rule.categ_id.id].append(pos)
            else:
                self.global_positions.append(pos)
        # quantities in the reference unit of each UoM category, per scope
        self.entries = []
        self.tmpl_totals = defaultdict(float)
        self.order_totals = defaultdict(float)
        self.categ_rows = []
        self._categ_memo = {}
        self._candidates_memo = {}
        for line in cart:
            product = line["product"]
            product_uom = product.uom_id
            uom = line.get("uom") or product_uom
            quantity = line["quantity"]
            qty_pu = quantity
            if uom != product_uom:
                qty_pu = uom._compute_quantity(
                    quantity, product_uom, raise_if_failure=False
                )
            uom_categ = product_uom.category_id.id
            ref_qty = qty_pu / (product_uom.factor or 1.0)
            if not line.get("count", True):
                ref_qty = 0.0
            self.tmpl_totals[(product.product_tmpl_id.id, uom_categ)] += ref_qty
            self.order_totals[uom_categ] += ref_qty
            # parent paths look like "1/5/7/": the product is in category 5
            # or below when "/5/" is in "/1/5/7/"
            path = f"/{product.categ_id.parent_path or ''}"
            self.categ_rows.append((path, uom_categ, ref_qty))
            self.entries.append((line, product, uom, quantity, qty_pu))

    def categ_total(self, categ_id, uom_categ):
        key = (categ_id, uom_categ)
        if key not in self._categ_memo:
            marker = f"/{categ_id}/"
            self._categ_memo[key] = sum(
                qty
                for path, row_categ, qty in self.categ_rows
                if row_categ == uom_categ and marker in path
            )
        return self._categ_memo[key]

    def scoped_qty(self, rule, product, qty_pu):
        """Quantity compared with the rule's minimum, in the product's UoM."""
        scope = rule.b2b_qty_scope
        if self.isolated or not scope or scope == "line":
            return qty_pu
        product_uom = product.uom_id
        uom_categ = product_uom.category_id.id
        if scope == "template":
            ref_qty = self.tmpl_totals[(product.product_tmpl_id.id, uom_categ)]
        elif scope == "order":
            ref_qty = self.order_totals[uom_categ]
        elif rule.applied_on == "2_product_category":
            ref_qty = self.categ_total(rule.categ_id.id, uom_categ)
        else:
            ref_qty = self.categ_total(product.categ_id.id, uom_categ)
        return float_round(
            ref_qty * (product_uom.factor or 1.0),
            precision_rounding=product_uom.rounding or 0.01,
        )

    def candidates(self, product):
        """Positions of the rules targeting the product, in priority order."""
        if product.id not in self._candidates_memo:
            positions = list(self.by_variant.get(product.id, []))
            positions += self.by_tmpl.get(product.product_tmpl_id.id, [])
            for categ_id in (product.categ_id.parent_path or "").split("/"):
                if categ_id:
                    positions += self.by_categ.get(int(categ_id), [])
            positions += self.global_positions
            self._candidates_memo[product.id] = sorted(positions)
        return self._candidates_memo[product.id]

    def winner(self, product, qty_pu, extra=0.0):
        """(rule, scoped quantity) of the first rule reached, or (None, qty).

        The index guarantees that the candidates apply to the product: only
        the (scoped) minimum quantity is left to check.
        """
        for pos in self.candidates(product):
            rule = self.rules[pos]
            qty = self.scoped_qty(rule, product, qty_pu) + extra
            if not rule.min_quantity or qty >= rule.min_quantity:
                return rule, qty
        return None, qty_pu + extra

    def next_deltas(self, product, qty_pu):
        """Quantities to add to reach each higher break, smallest first."""
        deltas = set()
        for pos in self.candidates(product):
            rule = self.rules[pos]
            if rule.min_quantity:
                delta = rule.min_quantity - self.scoped_qty(rule, product, qty_pu)
                if delta > 1e-9:
                    deltas.add(delta)
        return sorted(deltas)[:NEXT_BREAK_CANDIDATES]
