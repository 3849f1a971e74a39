# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the catalogue: net prices, breaks and stock for the dealer."""

from odoo import fields, http
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import B2bPortal


class B2bPortalCatalogue(B2bPortal):
    # ------------------------------------------------------------------
    # Catalogue
    # ------------------------------------------------------------------
    def _b2b_catalogue_domain(self, search):
        domain = [
            ("sale_ok", "=", True),
            ("company_id", "in", [request.env.company.id, False]),
        ]
        search = (search or "").strip()
        if search:
            domain += expression.OR(
                [
                    [("name", "ilike", search)],
                    [("default_code", "ilike", search)],
                    [("barcode", "ilike", search)],
                    [("product_template_attribute_value_ids.name", "ilike", search)],
                ]
            )
        return domain

    @http.route(
        ["/my/b2b/catalogue", "/my/b2b/catalogue/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def b2b_catalogue(self, page=1, search=None, **kwargs):
        dealer = self._b2b_check_dealer()
        search = (search or "")[:100]
        # sudo: the catalogue of products sold to dealers, scoped by the
        # domain (sellable, active, of the company)
        Product = request.env["product.product"].sudo()
        domain = self._b2b_catalogue_domain(search)
        count = Product.search_count(domain)
        step = 20
        pager = portal_pager(
            url="/my/b2b/catalogue",
            url_args={"search": search},
            total=count,
            page=page,
            step=step,
        )
        products = Product.search(
            domain, order="default_code, name, id", limit=step, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_catalogue",
                "products": products,
                "pager": pager,
                "search": search,
                "catalogue": self._b2b_catalogue_prices(dealer, products),
                "b2b_can_buy": self._b2b_can_buy(),
                "default_url": "/my/b2b/catalogue",
            }
        )
        return request.render("b2b_portal.portal_my_catalogue", values)

    def _b2b_catalogue_prices(self, dealer, products):
        """Net price, volume breaks and availability of a page of products:
        {product id: {price, currency, breaks, stock, lead_time}}.

        The dealer's pricelist prices every product of the page in one call
        per quantity level (1, then each break quantity found on the page),
        never per product. Each level is priced as a line on its own (a
        cumulative cart would mix the quantities of the page).
        """
        if not products:
            return {}
        # sudo: the pricelist and rules of the buyer's own dealer
        dealer = dealer.sudo()
        company = dealer.company_id or request.env.company
        pricelist = dealer.with_company(company).property_product_pricelist
        currency = pricelist.currency_id or company.currency_id
        levels = {1.0: products}
        if pricelist:
            items = (
                request.env["product.pricelist.item"]
                .sudo()
                .search(
                    [
                        ("pricelist_id", "=", pricelist.id),
                        ("min_quantity", ">", 1),
                        "|",
                        ("product_id", "in", products.ids),
                        "&",
                        ("product_id", "=", False),
                        ("product_tmpl_id", "in", products.product_tmpl_id.ids),
                    ]
                )
            )
            for item in items:
                targets = item.product_id or products.filtered(
                    lambda p, item=item: p.product_tmpl_id == item.product_tmpl_id
                )
                levels[item.min_quantity] = (
                    levels.get(item.min_quantity, products.browse()) | targets
                )
        stock = self._b2b_free_quantities(products, company)
        catalogue = {
            product.id: {
                "price": None,
                "currency": currency.name,
                "breaks": [],
                "stock": stock.get(product.id, 0.0),
                "lead_time": product.sale_delay,
            }
            for product in products
        }
        now = fields.Datetime.now()
        for quantity in sorted(levels):
            level_products = levels[quantity].with_company(company)
            if pricelist:
                prices = pricelist.with_company(company)._compute_price_rule(
                    level_products, quantity, currency=currency, date=now
                )
            else:
                prices = {p.id: (p.lst_price, False) for p in level_products}
            for product in level_products:
                price = currency.round(prices[product.id][0])
                if quantity == 1.0:
                    catalogue[product.id]["price"] = price
                elif price != catalogue[product.id]["price"]:
                    catalogue[product.id]["breaks"].append(
                        {"quantity": quantity, "price": price}
                    )
        return catalogue

    def _b2b_free_quantities(self, products, company):
        """{product id: quantity on hand not reserved} in the internal
        locations of the company, in one grouped query."""
        # sudo: stock levels of the catalogue, an aggregate only
        groups = (
            request.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", products.ids),
                    ("location_id.usage", "=", "internal"),
                    ("company_id", "=", company.id),
                ],
                ["product_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        return {
            product.id: quantity - reserved for product, quantity, reserved in groups
        }
