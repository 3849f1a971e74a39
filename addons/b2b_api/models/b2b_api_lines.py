# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API: lines (products, quantities), prices and availability."""

import re

from odoo import api, fields, models

from .b2b_api import LINE_FIELDS, ApiError, _absent, _api_datetime

# the datetime format of the answers, accepted back as input
ISO_UTC = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})Z$")


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class B2bApi(models.AbstractModel):
    _inherit = "b2b.api"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Lines: the products and quantities of a call
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_parse_lines(self, lines, company, unit=True):
        """Validate ``lines``; return (errors, [(index, product, quantity)]).

        The verdict on each line is the pricing service's
        (``b2b.pricing.service._b2b_check_lines``, the validator of every
        surface); the API adds its contract: a list, at least one line, at
        most ``_b2b_max_lines()``, no unknown keys.
        ``unit``: check that each quantity fits the product's unit of measure.
        """
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
        # sudo: products of the dealer's company, validated line by line
        # (orderable, company) before anything is returned.
        Service = self.env["b2b.pricing.service"].sudo().with_company(company)
        max_lines = Service._b2b_max_lines()
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
        errors, parsed = [], []
        for check in Service._b2b_check_lines(lines, unit=unit):
            index, line = check["index"], lines[check["index"]]
            if isinstance(line, dict):
                for name in sorted(set(line) - LINE_FIELDS, key=str):
                    errors.append(
                        self._b2b_api_error(
                            "UNKNOWN_FIELD",
                            self.env._("Unknown field %s.", str(name)[:64]),
                            line=index,
                            field=str(name)[:64],
                        )
                    )
            errors += [
                self._b2b_api_error(
                    error["code"], error["message"], line=index, field=error["field"]
                )
                for error in check["errors"]
            ]
            if check["ok"] and set(line) <= LINE_FIELDS:
                parsed.append((index, check["product"], check["quantity"]))
        return errors, parsed

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
        if isinstance(date, str) and ISO_UTC.match(date):
            date = "{} {}".format(*ISO_UTC.match(date).groups())
        Service = self.env["b2b.pricing.service"]
        if not _absent(date) and Service._b2b_parse_date(date) is None:
            errors.append(
                self._b2b_api_error(
                    "INVALID_DATE",
                    self.env._(
                        "date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)."
                    ),
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
            "date": _api_datetime(fields.Datetime.to_datetime(priced["date"])),
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
        line_errors, parsed = self._b2b_api_parse_lines(lines, company, unit=False)
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
        # the suite's one availability rule (b2b_stock), all at once
        stock = products._b2b_stock_levels(warehouses)
        result_lines = []
        for index, product, _qty in parsed:
            per_wh = []
            for warehouse in warehouses:
                level = stock[(product.id, warehouse.id)]
                per_wh.append(
                    {
                        "warehouse_id": warehouse.id,
                        "warehouse": warehouse.code,
                        "on_hand": level["on_hand"],
                        "reserved": level["reserved"],
                        "available": max(0.0, level["free"]),
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
