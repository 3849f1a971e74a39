# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API: lines (products, quantities), prices and availability."""

import math

from odoo import api, models
from odoo.tools import float_round

from .b2b_api import (
    LINE_FIELDS,
    MAX_LINES,
    MAX_QUANTITY,
    MAX_SKUS,
    ApiError,
    _absent,
    _is_int,
    _is_number,
)


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class B2bApi(models.AbstractModel):
    _inherit = "b2b.api"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Lines: the products and quantities of a call
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_parse_lines(self, lines, company, max_lines=MAX_LINES, unit=True):
        """Validate ``lines``; return (errors, [(index, product, quantity)]).
        ``unit``: check that each quantity fits the product's unit of measure."""
        if not isinstance(lines, list | tuple):
            return [
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("lines must be a list."),
                    field="lines",
                )
            ], []
        if not lines:
            return [
                self._b2b_api_error(
                    "MISSING_FIELD",
                    self.env._("lines is required: give at least one line."),
                    field="lines",
                )
            ], []
        if len(lines) > max_lines:
            return [
                self._b2b_api_error(
                    "PAYLOAD_TOO_LARGE",
                    self.env._(
                        "%(count)s lines: at most %(max)s lines per call.",
                        count=len(lines),
                        max=max_lines,
                    ),
                    field="lines",
                )
            ], []
        by_id, by_sku, ambiguous = self._b2b_api_find_products(lines, company)
        digits = (
            self.env["decimal.precision"].precision_get("Product Unit of Measure")
            if unit
            else None
        )
        errors, parsed = [], []
        for index, line in enumerate(lines):
            line_errors, product = self._b2b_api_check_line(
                index, line, (by_id, by_sku, ambiguous), company, digits
            )
            errors += line_errors
            if not line_errors:
                parsed.append((index, product, float(line["quantity"])))
        return errors, parsed

    @api.model
    def _b2b_api_find_products(self, lines, company):
        """The products named by ``lines`` in one query, through the pricing
        service: ({id: product}, {sku: product}, {ambiguous skus}).

        A SKU shared by several products names the only orderable one
        (active and saleable) when there is one; several orderable products
        with the same SKU make it ambiguous.
        """
        # sudo: products of the dealer's company, validated line by line
        # (active, saleable, company) before anything is returned.
        by_id, by_sku = (
            self.env["b2b.pricing.service"]
            .sudo()
            .with_company(company)
            ._b2b_find_products([line for line in lines if isinstance(line, dict)])
        )
        # by_id holds every product found, by id or by SKU
        orderable = {}
        for product in by_id.values():
            if product.default_code in by_sku and self._b2b_api_orderable(
                product, company
            ):
                orderable.setdefault(product.default_code, []).append(product)
        ambiguous = set()
        for sku, products in orderable.items():
            if len(products) == 1:
                by_sku[sku] = products[0]
            else:
                ambiguous.add(sku)
        return by_id, by_sku, ambiguous

    @api.model
    def _b2b_api_orderable(self, product, company):
        """Whether an API line may order ``product``: active, saleable, of
        the company, and not a combo (its choices cannot be given)."""
        return (
            product.active
            and product.product_tmpl_id.active
            and product.sale_ok
            and product.type != "combo"
            and product.company_id in (company, self.env["res.company"])
        )

    @api.model
    def _b2b_api_check_line(self, index, line, products, company, digits):
        """(errors, product) of one line: every problem of the line;
        ``products`` is the result of ``_b2b_api_find_products``."""
        by_id, by_sku, ambiguous = products
        errors = []

        def add(code, message, field=None):
            errors.append(self._b2b_api_error(code, message, line=index, field=field))

        if not isinstance(line, dict):
            add("INVALID_TYPE", self.env._("A line must be an object (dict)."))
            return errors, None
        for name in sorted(set(line) - LINE_FIELDS, key=str):
            add(
                "UNKNOWN_FIELD",
                self.env._("Unknown field %s.", str(name)[:64]),
                str(name)[:64],
            )
        product_id, sku = line.get("product_id"), line.get("sku")
        product = None
        if product_id is not None:
            if not _is_int(product_id):
                add(
                    "INVALID_TYPE",
                    self.env._("product_id must be an integer."),
                    "product_id",
                )
            else:
                product = by_id.get(product_id)
                if not product:
                    add(
                        "UNKNOWN_PRODUCT",
                        self.env._("Unknown product id %s.", product_id),
                        "product_id",
                    )
        elif sku is not None:
            if not isinstance(sku, str) or not sku.strip():
                add("INVALID_TYPE", self.env._("sku must be a non-empty text."), "sku")
            elif sku.strip() in ambiguous:
                add(
                    "AMBIGUOUS_SKU",
                    self.env._(
                        "Several products have the SKU %s: give the product_id.",
                        sku.strip()[:64],
                    ),
                    "sku",
                )
            else:
                product = by_sku.get(sku.strip())
                if not product:
                    add(
                        "UNKNOWN_SKU",
                        self.env._("Unknown SKU %s.", sku.strip()[:64]),
                        "sku",
                    )
        else:
            add(
                "MISSING_FIELD",
                self.env._("Give the product: sku or product_id."),
                "sku",
            )
        if product and not self._b2b_api_orderable(product, company):
            add(
                "PRODUCT_UNAVAILABLE",
                self.env._("%s cannot be ordered.", product.display_name),
                "product_id" if product_id is not None else "sku",
            )
        quantity = line.get("quantity")
        if quantity is None:
            add("MISSING_FIELD", self.env._("quantity is required."), "quantity")
        elif not _is_number(quantity):
            add(
                "INVALID_TYPE",
                self.env._(
                    "quantity must be a number, not %s.", type(quantity).__name__
                ),
                "quantity",
            )
        elif math.isnan(quantity) or not 0 < quantity <= MAX_QUANTITY:
            add(
                "INVALID_QUANTITY",
                self.env._(
                    "quantity must be greater than zero and at most %s.",
                    int(MAX_QUANTITY),
                ),
                "quantity",
            )
        elif (
            digits is not None
            and product
            and not self._b2b_api_unit_quantity(product, quantity, digits)
        ):
            # the order line would round it (to zero, or to another quantity)
            add(
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
        return errors, (None if errors else product)

    @api.model
    def _b2b_api_unit_quantity(self, product, quantity, digits):
        """Whether the order line keeps ``quantity`` as it is: a multiple of
        the unit's rounding, with no more decimals than the quantity field."""
        rounded = float_round(
            float_round(quantity, precision_rounding=product.uom_id.rounding),
            precision_digits=digits,
        )
        return rounded > 0 and abs(rounded - quantity) <= 1e-9 * max(1.0, quantity)

    # ------------------------------------------------------------------
    # price_lines, product_availability
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_price_lines(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer", "lines", "date"})
        dealer = self._b2b_api_dealer(payload)
        company = self._b2b_api_company(dealer)
        lines = payload.get("lines")
        line_errors, parsed = self._b2b_api_parse_lines(lines, company)
        errors += line_errors
        date = payload.get("date")
        Service = self.env["b2b.pricing.service"]
        if not _absent(date) and Service._b2b_parse_date(date) is None:
            errors.append(
                self._b2b_api_error(
                    "INVALID_DATE",
                    self.env._("date must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS."),
                    field="date",
                )
            )
        if errors:
            raise ApiError(errors)
        # sudo: the dealer was checked against the caller's links above; the
        # pricing service prices for that dealer only.
        priced = (
            Service.sudo()
            .with_company(company)
            .price_products(
                dealer.id,
                # the products resolved above: the same ones submit_order orders
                [
                    {"product_id": product.id, "quantity": lines[index]["quantity"]}
                    for index, product, _qty in parsed
                ],
                date or None,
            )
        )
        if priced["error"]:
            raise self._b2b_api_fail(
                "DEALER_CANNOT_ORDER", priced["error"], field="dealer"
            )
        if not priced["ok"]:
            raise ApiError(
                [
                    self._b2b_api_error(
                        "PRODUCT_UNAVAILABLE", res["error"], line=res["index"]
                    )
                    for res in priced["lines"]
                    if not res["ok"]
                ]
            )
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "currency": priced["currency"],
            "date": priced["date"],
            "pricelist_id": priced["pricelist_id"],
            "lines": [
                {
                    "line": res["index"],
                    "product_id": res["product_id"],
                    "sku": res["sku"],
                    "quantity": res["quantity"],
                    "price_unit": res["price_unit"],
                    "list_price": res["list_price"],
                    "discount": res["discount"],
                    "next_break": res["next_break"],
                }
                for res in priced["lines"]
            ],
        }

    @api.model
    def _b2b_api_availability(self, payload):
        errors = self._b2b_api_check_fields(
            payload, {"dealer", "skus", "product_ids", "warehouses"}
        )
        dealer = self._b2b_api_dealer(payload)
        company = self._b2b_api_company(dealer)
        skus = payload.get("skus") or []
        product_ids = payload.get("product_ids") or []
        lines = []
        for name, values, key in (
            ("skus", skus, "sku"),
            ("product_ids", product_ids, "product_id"),
        ):
            if not isinstance(values, list | tuple):
                errors.append(
                    self._b2b_api_error(
                        "INVALID_TYPE",
                        self.env._("%s must be a list.", name),
                        field=name,
                    )
                )
                continue
            lines += [{key: value, "quantity": 1} for value in values]
        if not lines and not errors:
            errors.append(
                self._b2b_api_error(
                    "MISSING_FIELD",
                    self.env._("Give skus or product_ids."),
                    field="skus",
                )
            )
        warehouses = payload.get("warehouses")
        # sudo: warehouses of the dealer's company, read for their stock only.
        Warehouse = self.env["stock.warehouse"].sudo()
        wh_domain = [("company_id", "=", company.id)]
        if warehouses:
            if not isinstance(warehouses, list | tuple) or not all(
                isinstance(code, str) for code in warehouses
            ):
                errors.append(
                    self._b2b_api_error(
                        "INVALID_TYPE",
                        self.env._("warehouses must be a list of warehouse codes."),
                        field="warehouses",
                    )
                )
            else:
                wh_domain.append(("code", "in", list(warehouses)))
        if errors:
            raise ApiError(errors)
        line_errors, parsed = self._b2b_api_parse_lines(
            lines, company, MAX_SKUS, unit=False
        )
        if line_errors:
            raise ApiError(line_errors)
        codes = warehouses
        warehouses = Warehouse.search(wh_domain)
        unknown = sorted(set(codes or ()) - set(warehouses.mapped("code")))
        if unknown:
            raise self._b2b_api_fail(
                "UNKNOWN_WAREHOUSE",
                self.env._(
                    "Unknown warehouse codes: %s.",
                    ", ".join(code[:16] for code in unknown[:20]),
                ),
                field="warehouses",
            )
        products = self.env["product.product"].browse(
            list(dict.fromkeys(product.id for _i, product, _q in parsed))
        )
        # one grouped query on the quants of the products in the warehouses;
        # sudo: stock quantities only, of the company's warehouses
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", products.ids),
                    ("location_id.usage", "=", "internal"),
                    ("location_id.warehouse_id", "in", warehouses.ids),
                ],
                ["product_id", "location_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        stock = {}
        for product, location, quantity, reserved in groups:
            key = (product.id, location.warehouse_id.id)
            on_hand, res = stock.get(key, (0.0, 0.0))
            stock[key] = (on_hand + quantity, res + reserved)
        result_lines = []
        for index, product, _qty in parsed:
            per_wh = []
            for warehouse in warehouses:
                on_hand, reserved = stock.get((product.id, warehouse.id), (0.0, 0.0))
                per_wh.append(
                    {
                        "warehouse_id": warehouse.id,
                        "warehouse": warehouse.code,
                        "on_hand": on_hand,
                        "reserved": reserved,
                        "available": max(0.0, on_hand - reserved),
                    }
                )
            result_lines.append(
                {
                    "line": index,
                    "product_id": product.id,
                    "sku": product.default_code or None,
                    "uom": product.uom_id.name,
                    # false: stock is not tracked (service, consumable), the
                    # zero figures do not mean "out of stock"
                    "is_storable": product.is_storable,
                    "available": sum(w["available"] for w in per_wh),
                    "warehouses": per_wh,
                }
            )
        return {"ok": True, "dealer_id": dealer.id, "lines": result_lines}
