# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API: lines (products, quantities), prices and availability."""

import re

from odoo import api, fields, models

from .b2b_api import LINE_FIELDS, ApiError, _absent, _api_date, _api_datetime

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
        codes = payload.get("warehouses")
        if codes and (
            not isinstance(codes, list | tuple)
            or not all(isinstance(code, str) for code in codes)
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("warehouses must be a list of warehouse codes."),
                    field="warehouses",
                )
            )
        if errors:
            raise ApiError(errors)
        line_errors, parsed = self._b2b_api_parse_lines(lines, company, unit=False)
        if line_errors:
            raise ApiError(line_errors)
        # the dealer's own warehouses only (its region's list with regional
        # sourcing); another region's code is as unknown as a wrong one
        warehouses = dealer._b2b_stock_warehouses(company)
        # sudo: code of the dealer's own warehouses (fetched with them)
        own_codes = warehouses.sudo().mapped("code")
        unknown = sorted(set(codes or ()) - set(own_codes))
        if codes:
            warehouses = (
                warehouses.sudo()
                .filtered(lambda wh: wh.code in codes)
                .with_env(self.env)
            )
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
        result_lines = self._b2b_api_availability_lines(
            parsed, products, dealer, company, warehouses
        )
        return {"ok": True, "dealer_id": dealer.id, "lines": result_lines}

    @api.model
    def _b2b_api_availability_lines(
        self, parsed, products, dealer, company, warehouses
    ):
        """The lines of product_availability: the suite's one answer of what
        the dealer sees (``product.product._b2b_dealer_availability``: the
        available to promise with regional sourcing) over ``warehouses``
        (the dealer's own, those asked). In bands mode the exact figures
        (``available``, ``on_hand``, ``reserved``, ``incoming_qty``) are
        false: the dealer sees ``state`` and ``display``, as in the portal."""
        answer = products._b2b_dealer_availability(
            dealer, company, warehouses=warehouses
        )
        exact = company.b2b_stock_display != "bands"
        # the quants of the warehouses, for on_hand and reserved
        levels = products._b2b_stock_levels(warehouses) if exact else {}

        def figure(value):
            return value if exact else False

        result = []
        for index, product, _qty in parsed:
            figures = answer[product.id]
            per_wh = []
            for line in figures["warehouses"]:
                level = levels.get((product.id, line["warehouse_id"]), {})
                per_wh.append(
                    {
                        "warehouse_id": line["warehouse_id"],
                        "warehouse": line["code"],
                        "name": line["name"],
                        "on_hand": figure(level.get("on_hand", 0.0)),
                        "reserved": figure(level.get("reserved", 0.0)),
                        "available": figure(line["available"]),
                        "state": line["state"],
                        "display": line["display"],
                        "incoming_date": _api_date(line["incoming_date"]),
                        "incoming_qty": figure(line["incoming_qty"]),
                    }
                )
            result.append(
                {
                    "line": index,
                    "product_id": product.id,
                    "sku": product.default_code or None,
                    "uom": product.uom_id.name,
                    # false: stock is not tracked (service, consumable), the
                    # zero figures do not mean "out of stock"
                    "is_storable": figures["is_storable"],
                    "available": figure(figures["available"]),
                    "state": figures["state"],
                    "display": figures["display"],
                    "incoming_date": _api_date(figures["incoming_date"]),
                    "incoming_qty": figure(figures["incoming_qty"]),
                    "warehouses": per_wh,
                }
            )
        return result
