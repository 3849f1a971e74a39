# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the catalogue: images, search and filters, list and net
prices, every break, stock, and *Add to order* into the buyer's quick order
rows (see ``quick_order.py``)."""

from urllib.parse import urlsplit

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.osv import expression
from odoo.tools import format_amount

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .quick_order import B2bPortalQuickOrder

#: session key of the message of the last *Add to order*
ADDED_KEY = "b2b_catalogue_added"
IMAGE_SIZES = {"128": "image_128", "256": "image_256", "512": "image_512"}
PAGE_SIZE = 20


class B2bPortalCatalogue(B2bPortalQuickOrder):
    # ------------------------------------------------------------------
    # Domains and filters
    # ------------------------------------------------------------------
    def _b2b_catalogue_base_domain(self, company=None):
        # what a dealer may order: the rule of the quick order and the API
        return request.env["product.product"]._b2b_orderable_domain(
            company or request.env.company
        )

    def _b2b_catalogue_domain(self, search, categ=None, values=None, company=None):
        """Orderable products matching the search, in the category (and its
        children) and having one of the attribute values of each attribute
        of ``values`` (product.attribute.value)."""
        domain = self._b2b_catalogue_base_domain(company)
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
        if categ:
            domain += [("categ_id", "child_of", categ.id)]
        by_attribute = {}
        for value in values or ():
            by_attribute.setdefault(value.attribute_id.id, []).append(value.id)
        for value_ids in by_attribute.values():
            domain += [
                (
                    "product_template_attribute_value_ids.product_attribute_value_id",
                    "in",
                    value_ids,
                )
            ]
        return domain

    @staticmethod
    def _b2b_int(value):
        value = (value or "").strip() if isinstance(value, str) else ""
        return int(value) if value.isdigit() and len(value) < 10 else None

    def _b2b_catalogue_filters(self, facets, categ=None, in_stock=None):
        """The filters of the request, kept only when they name records the
        catalogue offers: a category, attribute values among the ``facets``
        (see :meth:`_b2b_catalogue_facets`)."""
        # sudo: categories are catalogue data, read for their names
        category = request.env["product.category"].sudo()
        categ_id = self._b2b_int(categ)
        if categ_id:
            category = category.search_fetch(
                [("id", "=", categ_id)], ["name", "parent_path"]
            )
        value_ids = {
            self._b2b_int(value) for value in request.httprequest.args.getlist("attrib")
        }
        values = request.env["product.attribute.value"].sudo()
        for _attribute, attribute_values in facets["attributes"]:
            for value, _count in attribute_values:
                if value.id in value_ids:
                    values |= value
        return {
            "categ": category,
            "values": values,
            "in_stock": in_stock in ("1", "on", "true"),
        }

    def _b2b_catalogue_facets(self, domain):
        """Categories and attribute values of the products of ``domain``
        (the search without the filters, so that a filter can be changed):
        {"categories": [(category, count)], "attributes": [(attribute,
        [(value, count)])]}."""
        # sudo: aggregates over the orderable products of the catalogue
        Product = request.env["product.product"].sudo()
        categories = [
            (category, count)
            for category, count in Product._read_group(
                domain, ["categ_id"], ["__count"], order="categ_id"
            )
            if category
        ]
        Ptav = request.env["product.template.attribute.value"].sudo()
        groups = Ptav._read_group(
            [
                ("ptav_active", "=", True),
                ("attribute_id.create_variant", "!=", "no_variant"),
                ("ptav_product_variant_ids", "any", domain),
            ],
            ["product_attribute_value_id"],
            ["__count"],
        )
        attributes = {}
        for value, count in groups:
            attributes.setdefault(value.attribute_id, []).append((value, count))
        return {
            "categories": categories,
            "attributes": sorted(
                (
                    (attribute, sorted(values, key=lambda v: (v[0].sequence, v[0].id)))
                    for attribute, values in attributes.items()
                ),
                key=lambda item: (item[0].sequence, item[0].id),
            ),
        }

    # ------------------------------------------------------------------
    # Catalogue
    # ------------------------------------------------------------------
    @http.route(
        ["/my/b2b/catalogue", "/my/b2b/catalogue/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def b2b_catalogue(
        self, page=1, search=None, categ=None, attrib=None, in_stock=None, **kwargs
    ):
        dealer = self._b2b_check_dealer()
        search = (search or "")[:100]
        company = dealer.sudo().company_id or request.env.company
        # sudo: the catalogue of products sold to dealers, scoped by the
        # domain (orderable: saleable goods, active, of the company)
        Product = request.env["product.product"].sudo()
        search_domain = self._b2b_catalogue_domain(search, company=company)
        facets = self._b2b_catalogue_facets(search_domain)
        filters = self._b2b_catalogue_filters(facets, categ, in_stock)
        domain = self._b2b_catalogue_domain(
            search, filters["categ"], filters["values"], company=company
        )
        order = "default_code, name, id"
        if filters["in_stock"]:
            # the suite's one availability rule for dealers (b2b_stock: the
            # dealer's own warehouses), over the matching products at once:
            # a fixed number of queries
            matching = Product.search(domain, order=order)
            availability = matching.with_company(company)._b2b_dealer_availability(
                dealer.sudo(), company
            )
            in_stock = matching.filtered(
                lambda p: availability[p.id]["state"] in ("in", "low")
            )
            count = len(in_stock)
        else:
            count = Product.search_count(domain)
        url_args = {"search": search}
        if filters["categ"]:
            url_args["categ"] = filters["categ"].id
        if filters["in_stock"]:
            url_args["in_stock"] = "1"
        pager = portal_pager(
            url="/my/b2b/catalogue",
            url_args=url_args,
            total=count,
            page=page,
            step=PAGE_SIZE,
        )
        if filters["values"]:
            # several values: the pager's url_args hold one value per key
            pager = self._b2b_pager_with_values(pager, filters["values"])
        if filters["in_stock"]:
            products = in_stock[pager["offset"] : pager["offset"] + PAGE_SIZE]
        else:
            products = Product.search(
                domain, order=order, limit=PAGE_SIZE, offset=pager["offset"]
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_catalogue",
                "products": products,
                "product_count": count,
                "pager": pager,
                "search": search,
                "filters": filters,
                "facets": facets,
                "catalogue": self._b2b_catalogue_prices(dealer, products),
                "scope_labels": self._b2b_scope_labels(),
                "b2b_can_buy": self._b2b_can_buy(),
                "b2b_cart_count": self._b2b_cart_count() if self._b2b_can_buy() else 0,
                "b2b_added": request.session.pop(ADDED_KEY, None),
                "default_url": "/my/b2b/catalogue",
            }
        )
        return request.render("b2b_portal.portal_my_catalogue", values)

    @staticmethod
    def _b2b_pager_with_values(pager, values):
        suffix = "".join(f"&attrib={value.id}" for value in values)
        for page in (
            "page",
            "page_first",
            "page_start",
            "page_previous",
            "page_next",
            "page_end",
            "page_last",
        ):
            if pager.get(page):
                pager[page] = dict(pager[page], url=pager[page]["url"] + suffix)
        pager["pages"] = [dict(p, url=p["url"] + suffix) for p in pager["pages"]]
        return pager

    def _b2b_scope_labels(self):
        """Labels of the quantity scopes of the breaks (``b2b_qty_scope``)."""
        field = request.env["product.pricelist.item"]._fields["b2b_qty_scope"]
        return dict(field._description_selection(request.env))

    def _b2b_catalogue_prices(self, dealer, products):
        """Net price, volume breaks and availability of a page of products:
        {product id: {price, list_price, currency, breaks, availability (see
        ``product.product._b2b_portal_availability``), storable,
        lead_time}}.

        Prices come from the pricing engine's batch
        (``product.pricelist._b2b_price_levels``): the price of each product
        ordered alone at 1 and at every break that applies to it (product,
        category and global rules; each break with its quantity scope), the
        same price a quick order line or the API gives for that quantity.
        """
        if not products:
            return {}
        # sudo: the pricelist and rules of the buyer's own dealer
        dealer = dealer.sudo()
        company = dealer.company_id or request.env.company
        pricelist = dealer.with_company(company).property_product_pricelist
        currency = pricelist.currency_id or company.currency_id
        levels = pricelist.with_company(company)._b2b_price_levels(
            products.with_company(company), currency=currency
        )
        # the suite's one availability rule for dealers (b2b_stock): the
        # dealer's own warehouses, as the company shows them
        availability = products.with_company(company)._b2b_portal_availability(
            dealer, company, request.env.user
        )
        return {
            product.id: {
                **levels[product.id],
                "discount": self._b2b_discount(levels[product.id]),
                "currency": currency.name,
                "availability": availability[product.id],
                "storable": product.is_storable,
                "lead_time": product.sale_delay,
            }
            for product in products
        }

    @staticmethod
    def _b2b_discount(level):
        """The net price's discount on the list price, in whole percents."""
        list_price, price = level["list_price"], level["price"]
        if price is None or not list_price or list_price <= price:
            return 0
        return round((list_price - price) * 100.0 / list_price)

    # ------------------------------------------------------------------
    # Images and add to order
    # ------------------------------------------------------------------
    def _b2b_catalogue_product(self, product_id):
        """The product (sudo) of id ``product_id`` (int or None) when it is
        in the catalogue of the current dealer user, else 404."""
        dealer = self._b2b_check_dealer()
        if not product_id:
            raise NotFound()
        company = dealer.sudo().company_id or request.env.company
        # sudo: portal users do not read products; only the orderable ones
        # are served (the catalogue's own domain)
        product = (
            request.env["product.product"]
            .sudo()
            .search(
                [("id", "=", product_id), *self._b2b_catalogue_base_domain(company)],
                limit=1,
            )
        )
        if not product:
            raise NotFound()
        return product

    @http.route("/my/b2b/catalogue/image", type="http", auth="user", methods=["GET"])
    def b2b_catalogue_image(self, product=None, size="256", **kwargs):
        """The image of a product of the catalogue (Odoo's placeholder when
        it has none); portal users cannot read products through
        ``/web/image``, and only the products the dealer may order are
        served."""
        record = self._b2b_catalogue_product(self._b2b_int(product))
        stream = request.env["ir.binary"]._get_image_stream_from(
            record, IMAGE_SIZES.get(size, "image_256")
        )
        return stream.get_response(max_age=3600)

    @staticmethod
    def _b2b_catalogue_back(url, product=None):
        """Where to go back after adding: a catalogue page of this site."""
        parts = urlsplit(url or "")
        if (
            parts.scheme
            or parts.netloc
            or not parts.path.startswith("/my/b2b/catalogue")
            or "\\" in url
        ):
            url = "/my/b2b/catalogue"
        return f"{url}#b2b_product_{product.id}" if product else url

    @http.route(
        "/my/b2b/catalogue/add",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_catalogue_add(self, product=None, qty=None, redirect=None, **kwargs):
        """Add a product of the catalogue to the buyer's quick order rows;
        the rows are validated at once (minimum quantities, multiples,
        breaks) and the result is shown on the catalogue."""
        self._b2b_check_buyer()
        record = self._b2b_catalogue_product(self._b2b_int(product))
        QuickOrder = request.env["b2b.quick.order"]
        qty = (qty or "").strip()[:30] if isinstance(qty, str) else ""
        back = self._b2b_catalogue_back(redirect, record)
        name = record.with_context(display_default_code=False).display_name
        if QuickOrder._b2b_parse_qty(qty) is None:
            request.session[ADDED_KEY] = {
                "level": "danger",
                "product_id": record.id,
                "message": request.env._(
                    "%(name)s: the quantity %(qty)s is not a number greater than zero.",
                    name=name,
                    qty=qty or '""',
                ),
            }
            return request.redirect(back)
        rows = self._b2b_cart_rows()
        rows.append({"line": len(rows) + 1, "product_id": record.id, "qty": qty})
        validation, error = self._b2b_validate_rows(rows)
        if error:
            message, level = error, "danger"
        else:
            entry = next(
                (e for e in validation["entries"] if e["product"] == record), None
            )
            message = request.env._(
                "Added %(qty)s × %(name)s to your order: %(count)s row(s), "
                "%(amount)s.",
                qty=qty,
                name=name,
                count=len(validation["entries"]),
                amount=format_amount(
                    request.env, validation["amount"], validation["currency"]
                ),
            )
            level = "success"
            problem = entry and (entry["error"] or entry["warning"])
            if problem:
                message = f"{message} {problem}"
                level = "warning"
        request.session[ADDED_KEY] = {
            "level": level,
            "product_id": record.id,
            "message": message,
        }
        return request.redirect(back)
