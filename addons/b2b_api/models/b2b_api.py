# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The integrator API: one public method per business operation.

Every operation is called as ``execute_kw(db, uid, api_key, "b2b.api", op,
[payload])`` and answers a JSON-serialisable dict: ``{"ok": True, ...}`` or
``{"ok": False, "errors": [{"code", "message", "line", "field"}]}``. Nothing
but authentication errors (raised by Odoo before the call) leaves as an
exception: business and access problems are results with a stable code, so
that a client handles both transports (XML-RPC and JSON-RPC) the same way.
"""

import datetime
import hashlib
import json
import logging
import math

from psycopg2 import OperationalError

from odoo import api, fields, models
from odoo.exceptions import AccessDenied, AccessError, UserError, ValidationError
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tools import float_round

from odoo.addons.b2b_credit.exceptions import is_credit_blocked

_logger = logging.getLogger(__name__)

MAX_LINES = 1000  # order and price lines per call
MAX_SKUS = 1000  # availability
MAX_RESULTS = 500  # open invoices
MAX_KEY_LENGTH = 128
MAX_TEXT_LENGTH = 2000
MAX_QUANTITY = 1e9
MAX_ID = 2**31 - 1  # PostgreSQL integer: larger ids cannot name a record
LINE_FIELDS = {"product_id", "sku", "quantity"}
SUBMIT_FIELDS = {
    "dealer",
    "idempotency_key",
    "lines",
    "client_reference",
    "delivery_address_id",
    "requested_date",
    "note",
    "confirm",
}


class ApiError(Exception):
    """Errors of one call, returned as ``{"ok": False, "errors": [...]}``."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _no_null(value):
    """XML-RPC has no null (Odoo marshals without allow_none): every absent
    value is ``False`` in both transports."""
    if value is None:
        return False
    if isinstance(value, dict):
        return {key: _no_null(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_no_null(item) for item in value]
    return value


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def _absent(value):
    """None, False (XML-RPC's null) or an empty text: a field not given."""
    return value is None or value is False or value == ""


def _bad_text(value):
    """Whether ``value`` is a text PostgreSQL cannot store: a NUL character
    or a lone UTF-16 surrogate (possible in JSON ``\\u`` escapes)."""
    if "\x00" in value:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _bad_text_field(payload):
    """The top-level field of ``payload`` holding a bad text (a key or a
    value at any depth), else None. Iterative: any nesting depth."""
    for name, value in payload.items():
        stack = [name, value]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                if _bad_text(item):
                    return name
            elif isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list | tuple):
                stack.extend(item)
    return None


class B2bApi(models.AbstractModel):
    _name = "b2b.api"
    _description = "Dealer Integrator API"

    # ------------------------------------------------------------------
    # Operations (public: RPC entry points)
    # ------------------------------------------------------------------
    @api.model
    def price_lines(self, payload):
        """Prices of lines for a dealer: ``{dealer, lines: [{sku|product_id,
        quantity}], date}``; reuses ``b2b.pricing.service.price_products``."""
        return self._b2b_api_run("price_lines", payload, "_b2b_api_price_lines")

    @api.model
    def dealer_credit(self, payload=None):
        """Credit limit, exposure, available credit and hold of a dealer."""
        return self._b2b_api_run("dealer_credit", payload, "_b2b_api_credit")

    @api.model
    def product_availability(self, payload):
        """Stock per warehouse of a list of SKUs / product ids."""
        return self._b2b_api_run(
            "product_availability", payload, "_b2b_api_availability"
        )

    @api.model
    def submit_order(self, payload):
        """Validate, create and confirm an order, once per idempotency key."""
        return self._b2b_api_run("submit_order", payload, "_b2b_api_submit")

    @api.model
    def order_status(self, payload):
        """State, approval steps, deliveries and invoices of an order."""
        return self._b2b_api_run("order_status", payload, "_b2b_api_status")

    @api.model
    def cancel_order(self, payload):
        """Cancel a quotation (an order not confirmed yet)."""
        return self._b2b_api_run("cancel_order", payload, "_b2b_api_cancel")

    @api.model
    def open_invoices(self, payload=None):
        """The dealer's posted invoices and credit notes not fully paid."""
        return self._b2b_api_run("open_invoices", payload, "_b2b_api_open_invoices")

    @api.model
    def dealer_addresses(self, payload=None):
        """The dealer's delivery addresses (ids for submit_order)."""
        return self._b2b_api_run("dealer_addresses", payload, "_b2b_api_addresses")

    # ------------------------------------------------------------------
    # Frame: user, rate limit, errors
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_run(self, operation, payload, handler):
        """Run the method named ``handler`` on ``payload``: user and rate
        checks, language, savepoint, errors as results."""
        # messages in the caller's language: the context's when it is an
        # installed language, else the user's preference
        installed = [code for code, _name in self.env["res.lang"].get_installed()]
        lang = self.env.context.get("lang")
        if lang not in installed:
            lang = self.env.user.lang
        if lang not in installed:
            lang = "en_US" if "en_US" in installed or not installed else installed[0]
        self = self.with_context(lang=lang)
        try:
            self._b2b_api_check_user()
            self._b2b_api_check_rate()
            if payload is None:
                payload = {}
            if not isinstance(payload, dict):
                raise ApiError(
                    [
                        self._b2b_api_error(
                            "INVALID_PAYLOAD",
                            self.env._("The payload must be a JSON object (dict)."),
                        )
                    ]
                )
            self._b2b_api_check_texts(payload)
            # the handler's writes are undone when it fails, whatever the
            # exception; the transaction itself is committed by Odoo
            with self.env.cr.savepoint():
                return _no_null(getattr(self, handler)(payload))
        except ApiError as exc:
            return _no_null({"ok": False, "errors": exc.errors})
        except OperationalError as exc:
            if isinstance(exc, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
                raise  # Odoo retries the whole call on fresh data
            _logger.exception("b2b.api.%s failed", operation)
            return self._b2b_api_internal_error()
        except (AccessDenied, AccessError) as exc:
            return {
                "ok": False,
                "errors": [self._b2b_api_error("FORBIDDEN", str(exc))],
            }
        except (UserError, ValidationError) as exc:
            return {
                "ok": False,
                "errors": [self._b2b_api_error("REFUSED", str(exc))],
            }
        except Exception:
            _logger.exception("b2b.api.%s failed", operation)
            return self._b2b_api_internal_error()

    @api.model
    def _b2b_api_internal_error(self):
        return {
            "ok": False,
            "errors": [
                self._b2b_api_error(
                    "INTERNAL_ERROR",
                    self.env._(
                        "The server could not process the request; nothing was "
                        "saved. Try again later or contact the seller."
                    ),
                )
            ],
        }

    @api.model
    def _b2b_api_error(self, code, message, line=None, field=None):
        """One error; ``line`` (0-based index in ``lines``) and ``field`` are
        only present when the error is about a line or a field."""
        error = {"code": code, "message": message}
        if line is not None:
            error["line"] = line
        if field is not None:
            error["field"] = field
        return error

    @api.model
    def _b2b_api_check_user(self):
        if not self.env.user._b2b_api_is_integration():
            raise ApiError(
                [
                    self._b2b_api_error(
                        "NOT_INTEGRATION_USER",
                        self.env._(
                            "%s is not an integration user of the dealer API.",
                            self.env.user.name,
                        ),
                    )
                ]
            )

    @api.model
    def _b2b_api_check_texts(self, payload):
        """Refuse texts the database cannot store before anything uses them."""
        name = _bad_text_field(payload)
        if name is not None:
            field = str(name).encode("utf-8", "replace").decode()[:64]
            field = field.replace("\x00", "")
            raise ApiError(
                [
                    self._b2b_api_error(
                        "INVALID_PAYLOAD",
                        self.env._(
                            "%s holds a NUL character or invalid Unicode.", field
                        ),
                        field=field,
                    )
                ]
            )

    @api.model
    def _b2b_api_rate_limit(self):
        """(calls allowed per window or 0 for no limit, window in seconds)."""
        # sudo: system parameters and the caller's own settings.
        params = self.env["ir.config_parameter"].sudo()
        try:
            window = max(1, int(params.get_param("b2b_api.rate_window", 60)))
            default = int(params.get_param("b2b_api.rate_limit", 600))
        except ValueError:
            window, default = 60, 600
        return self.env.user.sudo().b2b_api_rate_limit or default, window

    @api.model
    def _b2b_api_check_rate(self):
        limit, window = self._b2b_api_rate_limit()
        if limit <= 0:
            return
        # A call retried by Odoo after a serialization failure is one call.
        counted = request and getattr(request, "_b2b_api_counted", None)
        if counted:
            count, retry_after = counted
        else:
            count, retry_after = self.env["b2b.api.rate"]._b2b_hit(self.env.uid, window)
            if request:
                request._b2b_api_counted = (count, retry_after)
        if count > limit:
            error = self._b2b_api_error(
                "RATE_LIMITED",
                self.env._(
                    "Too many calls: at most %(limit)s calls per %(window)s "
                    "seconds. Try again in %(retry)s seconds.",
                    limit=limit,
                    window=window,
                    retry=retry_after,
                ),
            )
            error["retry_after"] = retry_after
            raise ApiError([error])

    # ------------------------------------------------------------------
    # Argument helpers
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_linked_dealers(self):
        """The dealers the caller may act for: linked to it, and shared or of
        a company the caller works in (the allowed companies of the call)."""
        companies = self.env.companies
        # sudo: the caller's own link to its dealers.
        return self.env.user.sudo().b2b_api_dealer_ids.filtered(
            lambda d: d.b2b_is_dealer
            and (not d.company_id or d.company_id in companies)
        )

    @api.model
    def _b2b_api_dealer(self, payload):
        """The dealer of the call: one of the caller's linked dealers, named by
        id or dealer code; the only one when the payload names none. Anything
        else is FORBIDDEN_DEALER, whether the dealer exists or not."""
        linked = self._b2b_api_linked_dealers()
        value = payload.get("dealer")
        if _absent(value):
            if len(linked) == 1:
                return linked.sudo(False)
            raise ApiError(
                [
                    self._b2b_api_error(
                        "MISSING_FIELD",
                        self.env._(
                            "Give the dealer (id or dealer code): you act for "
                            "%s dealers.",
                            len(linked),
                        ),
                        field="dealer",
                    )
                ]
            )
        if _is_int(value):
            dealer = linked.filtered(lambda d: d.id == value)
        elif isinstance(value, str):
            code = value.strip().lower()
            dealer = linked.filtered(
                lambda d: (d.b2b_dealer_code or "").lower() == code
            )
        else:
            raise ApiError(
                [
                    self._b2b_api_error(
                        "INVALID_TYPE",
                        self.env._("dealer must be an id (integer) or a code."),
                        field="dealer",
                    )
                ]
            )
        if not dealer:
            raise ApiError(
                [
                    self._b2b_api_error(
                        "FORBIDDEN_DEALER",
                        self.env._(
                            "You may not act for the dealer %s.", str(value)[:64]
                        ),
                        field="dealer",
                    )
                ]
            )
        return dealer[:1].sudo(False)

    @api.model
    def _b2b_api_check_fields(self, payload, allowed, required=()):
        errors = []
        for name in sorted(set(payload) - allowed, key=str):
            errors.append(
                self._b2b_api_error(
                    "UNKNOWN_FIELD",
                    self.env._("Unknown field %s.", str(name)[:64]),
                    field=str(name)[:64],
                )
            )
        for name in required:
            if payload.get(name) in (None, "", []):
                errors.append(
                    self._b2b_api_error(
                        "MISSING_FIELD",
                        self.env._("%s is required.", name),
                        field=name,
                    )
                )
        return errors

    @api.model
    def _b2b_api_company(self, dealer):
        """The company the dealer's documents are made in."""
        # sudo: the company of a dealer already checked against the links.
        return dealer.sudo().company_id or self.env.company

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

    @api.model
    def _b2b_api_text(self, payload, name, max_length, errors):
        value = payload.get(name)
        if _absent(value):
            return False
        if not isinstance(value, str) or len(value) > max_length:
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._(
                        "%(field)s must be a text of at most %(max)s characters.",
                        field=name,
                        max=max_length,
                    ),
                    field=name,
                )
            )
            return False
        return value.strip() or False

    @api.model
    def _b2b_api_order(self, payload, dealer):
        """The order named by ``order_id`` (or ``client_reference``) of the
        dealer; NOT_FOUND for any order of another dealer."""
        errors = self._b2b_api_check_fields(
            payload, {"dealer", "order_id", "client_reference"}
        )
        order_id = payload.get("order_id")
        reference = payload.get("client_reference")
        # sudo: searched among the orders of the dealer checked by the caller.
        Order = self.env["sale.order"].sudo()
        domain = [
            ("partner_id", "child_of", dealer.id),
            ("company_id", "in", self.env.companies.ids),
        ]
        if order_id is not None:
            if not _is_int(order_id):
                errors.append(
                    self._b2b_api_error(
                        "INVALID_TYPE",
                        self.env._("order_id must be an integer."),
                        field="order_id",
                    )
                )
            # an id out of the database's range names no order (NOT_FOUND)
            valid = _is_int(order_id) and 0 < order_id <= MAX_ID
            domain.append(("id", "=", order_id if valid else 0))
        elif isinstance(reference, str) and reference.strip():
            domain.append(("client_order_ref", "=", reference.strip()))
        else:
            errors.append(
                self._b2b_api_error(
                    "MISSING_FIELD",
                    self.env._("Give order_id or client_reference."),
                    field="order_id",
                )
            )
        if errors:
            raise ApiError(errors)
        order = Order.search(domain, limit=1, order="id desc")
        if not order or order.partner_id.commercial_partner_id != dealer:
            raise ApiError(
                [
                    self._b2b_api_error(
                        "NOT_FOUND",
                        self.env._("No such order for this dealer."),
                        field="order_id",
                    )
                ]
            )
        return order

    # ------------------------------------------------------------------
    # Handlers
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
            raise ApiError(
                [
                    self._b2b_api_error(
                        "DEALER_CANNOT_ORDER", priced["error"], field="dealer"
                    )
                ]
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
    def _b2b_api_credit(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer"})
        dealer = self._b2b_api_dealer(payload)
        if errors:
            raise ApiError(errors)
        company = self._b2b_api_company(dealer)
        # sudo: the credit of the dealer checked against the caller's links.
        info_dealer = dealer.sudo().with_company(company)
        info = info_dealer._b2b_credit_info(company)
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "can_order": info_dealer.b2b_can_order,
            "currency": company.currency_id.name,
            "limit": info["limit"],
            "unlimited": info["unlimited"],
            "exposure": info["exposure"],
            "available": info["available"],
            "overdue": info["overdue"],
            "on_hold": info["on_hold"],
            "hold_reason": info["hold_reason"] or None,
            "components": {
                key: value["amount"] for key, value in info["components"].items()
            },
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
            raise ApiError(
                [
                    self._b2b_api_error(
                        "UNKNOWN_WAREHOUSE",
                        self.env._(
                            "Unknown warehouse codes: %s.",
                            ", ".join(code[:16] for code in unknown[:20]),
                        ),
                        field="warehouses",
                    )
                ]
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

    @api.model
    def _b2b_api_addresses(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer"})
        dealer = self._b2b_api_dealer(payload)
        if errors:
            raise ApiError(errors)
        company = self._b2b_api_company(dealer)
        # sudo: contacts of the dealer checked against the caller's links,
        # the ones an order of the dealer's company may ship to.
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("id", "child_of", dealer.id),
                    ("type", "in", ("delivery", "contact")),
                    ("company_id", "in", (company.id, False)),
                ]
            )
        )
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "addresses": [
                {
                    "id": partner.id,
                    "name": partner.name or partner.display_name,
                    "type": partner.type,
                    "street": partner.street or None,
                    "city": partner.city or None,
                    "zip": partner.zip or None,
                    "country": partner.country_id.code or None,
                }
                for partner in partners
            ],
        }

    # -- submit_order ----------------------------------------------------
    @api.model
    def _b2b_api_payload_hash(self, payload):
        canonical = json.dumps(payload, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()

    @api.model
    def _b2b_api_replay(self, submission, payload_hash):
        if submission.payload_hash != payload_hash:
            raise ApiError(
                [
                    self._b2b_api_error(
                        "IDEMPOTENCY_KEY_REUSED",
                        self.env._(
                            "This idempotency key was used for another order "
                            "content; use a new key for a new order."
                        ),
                        field="idempotency_key",
                    )
                ]
            )
        response = dict(submission.response or {})
        if submission.order_id:
            # sudo: the order this user's own submission created.
            response.update(self._b2b_api_order_summary(submission.order_id.sudo()))
        response["replayed"] = True
        return response

    @api.model
    def _b2b_api_submit(self, payload):
        errors = self._b2b_api_check_fields(
            payload, SUBMIT_FIELDS, required=("idempotency_key", "lines")
        )
        key = payload.get("idempotency_key")
        if key is not None and (
            not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY_LENGTH
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._(
                        "idempotency_key must be a text of 1 to %s characters.",
                        MAX_KEY_LENGTH,
                    ),
                    field="idempotency_key",
                )
            )
        lines = payload.get("lines")
        if lines is not None and not isinstance(lines, list | tuple):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE", self.env._("lines must be a list."), field="lines"
                )
            )
        if isinstance(lines, list | tuple) and len(lines) > MAX_LINES:
            # refused before anything is looked up
            raise ApiError(
                self._b2b_api_parse_lines(lines, self.env.company)[0] + errors
            )
        if errors:
            raise ApiError(errors)
        dealer = self._b2b_api_dealer(payload)
        key = key.strip()
        # the dealer as resolved: by id, by code or implied, the same order
        payload_hash = self._b2b_api_payload_hash(dict(payload, dealer=dealer.id))
        Submission = self.env["b2b.api.idempotency"]
        submission = Submission._b2b_find(self.env.uid, key)
        if submission:
            return self._b2b_api_replay(submission, payload_hash)
        company = self._b2b_api_company(dealer)
        # First write of the transaction: concurrent calls with the same key
        # wait here for this one and are retried by Odoo once it commits.
        claim_id = Submission._b2b_claim(self.env.uid, key, payload_hash, company.id)
        if not claim_id:
            return self._b2b_api_replay(
                Submission._b2b_find(self.env.uid, key), payload_hash
            )
        # sudo: the row just inserted for this user's key.
        claim = Submission.sudo().browse(claim_id)
        # When this raises, _b2b_api_run rolls back to its savepoint, the claim
        # included: nothing is created and the key is free for a corrected
        # payload.
        response = self._b2b_api_create_order(payload, dealer, company)
        # sudo: the order just created for the checked dealer.
        order = self.env["sale.order"].sudo().browse(response["order_id"])
        response["idempotency_key"] = key
        claim.write(
            {"dealer_id": dealer.id, "order_id": order.id, "response": response}
        )
        return dict(response, replayed=False)

    @api.model
    def _b2b_api_create_order(self, payload, dealer, company):
        errors = []
        # sudo: the ordering status of the dealer checked against the links.
        dealer_sudo = dealer.sudo().with_company(company)
        if not dealer_sudo.b2b_can_order:
            errors.append(
                self._b2b_api_error(
                    "DEALER_CANNOT_ORDER",
                    self.env._(
                        "%s is not an approved dealer: it cannot order.",
                        dealer_sudo.display_name,
                    ),
                    field="dealer",
                )
            )
        line_errors, parsed = self._b2b_api_parse_lines(payload["lines"], company)
        errors += line_errors
        reference = self._b2b_api_text(payload, "client_reference", 128, errors)
        note = self._b2b_api_text(payload, "note", MAX_TEXT_LENGTH, errors)
        shipping = self._b2b_api_delivery_address(payload, dealer, company, errors)
        commitment = self._b2b_api_requested_date(payload, errors)
        confirm = payload.get("confirm", True)
        if not isinstance(confirm, bool):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("confirm must be true or false."),
                    field="confirm",
                )
            )
        if errors:
            raise ApiError(errors)
        vals = {
            "partner_id": dealer.id,
            "company_id": company.id,
            "client_order_ref": reference,
            "commitment_date": commitment,
            "order_line": [
                fields.Command.create(
                    {"product_id": product.id, "product_uom_qty": qty}
                )
                for _index, product, qty in parsed
            ],
        }
        if shipping:
            vals["partner_shipping_id"] = shipping.id
        if note:
            vals["note"] = note
        # sudo: an order of the dealer checked against the caller's links,
        # created in the caller's name (create_uid) like a portal order; the
        # credit and approval rules run as for any order.
        SaleOrder = self.env["sale.order"].sudo().with_company(company)
        try:
            order = SaleOrder.create(vals)
        except UserError as exc:
            raise self._b2b_api_refusal(exc) from exc
        if confirm:
            self._b2b_api_confirm(order)
        return self._b2b_api_order_summary(order)

    @api.model
    def _b2b_api_confirm(self, order):
        """Confirm as the portal does: orders that need approval wait (their
        approval request is created), the others pass the credit check."""
        if not order._b2b_approval_blocked_any():
            try:
                order._b2b_credit_enforce("order")
            except UserError as exc:
                raise self._b2b_api_refusal(exc) from exc
        try:
            order.action_confirm()
        except UserError as exc:
            raise self._b2b_api_refusal(exc) from exc

    @api.model
    def _b2b_api_refusal(self, error):
        """The API error of a business refusal of the order: CREDIT_BLOCKED
        for the credit policy, ORDER_REFUSED for any other rule."""
        code = "CREDIT_BLOCKED" if is_credit_blocked(error) else "ORDER_REFUSED"
        return ApiError([self._b2b_api_error(code, str(error))])

    @api.model
    def _b2b_api_delivery_address(self, payload, dealer, company, errors):
        address_id = payload.get("delivery_address_id")
        if _absent(address_id):
            return None
        if not _is_int(address_id):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("delivery_address_id must be an integer."),
                    field="delivery_address_id",
                )
            )
            return None
        # sudo: only accepted when it is a contact of the checked dealer.
        address = self.env["res.partner"].sudo().browse(address_id).exists()
        if (
            not address
            or address.commercial_partner_id != dealer
            or not address.active
            or address.company_id not in (company, self.env["res.company"])
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_ADDRESS",
                    self.env._("%s is not an address of the dealer.", address_id),
                    field="delivery_address_id",
                )
            )
            return None
        return address

    @api.model
    def _b2b_api_requested_date(self, payload, errors):
        value = payload.get("requested_date")
        if _absent(value):
            return False
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            day = datetime.date.fromisoformat(value)
        except ValueError:
            errors.append(
                self._b2b_api_error(
                    "INVALID_DATE",
                    self.env._("requested_date must be a date YYYY-MM-DD."),
                    field="requested_date",
                )
            )
            return False
        if day < fields.Date.context_today(self):
            errors.append(
                self._b2b_api_error(
                    "INVALID_DATE",
                    self.env._("requested_date is in the past."),
                    field="requested_date",
                )
            )
            return False
        return datetime.datetime.combine(day, datetime.time(12, 0))

    @api.model
    def _b2b_api_order_summary(self, order):
        return {
            "ok": True,
            "order_id": order.id,
            "name": order.name,
            "state": order.state,
            "approval_state": order.b2b_approval_state or None,
            "client_reference": order.client_order_ref or None,
            "currency": order.currency_id.name,
            "amount_untaxed": order.amount_untaxed,
            "amount_tax": order.amount_tax,
            "amount_total": order.amount_total,
            "credit_warning": order.b2b_credit_warning or None,
        }

    # -- status, cancel, invoices -----------------------------------------
    @api.model
    def _b2b_api_status(self, payload):
        dealer = self._b2b_api_dealer(payload)
        order = self._b2b_api_order(payload, dealer)
        result = self._b2b_api_order_summary(order)
        result.update(
            date_order=fields.Datetime.to_string(order.date_order),
            requested_date=fields.Datetime.to_string(order.commitment_date)
            if order.commitment_date
            else None,
            lines=[
                {
                    "product_id": line.product_id.id,
                    "sku": line.product_id.default_code or None,
                    "quantity": line.product_uom_qty,
                    "delivered": line.qty_delivered,
                    "invoiced": line.qty_invoiced,
                    "price_unit": line.price_unit,
                    "discount": line.discount,
                    "subtotal": line.price_subtotal,
                }
                for line in order.order_line.filtered(lambda ln: not ln.display_type)
            ],
            approval=[
                {
                    "scope": request.scope,
                    "state": request.state,
                    "steps": [
                        {
                            "name": step.name,
                            "state": step.state,
                            "decided_by": step.decided_by_id.name or None,
                            "decision_date": fields.Datetime.to_string(
                                step.decision_date
                            )
                            if step.decision_date
                            else None,
                        }
                        for step in request.line_ids
                    ],
                }
                for request in order._b2b_approval_requests()
            ],
            deliveries=[
                self._b2b_api_picking_values(picking)
                for picking in order.picking_ids.sorted("id")
            ],
            invoices=[
                self._b2b_api_invoice_values(move)
                for move in order.invoice_ids.filtered(
                    lambda m: m.state == "posted"
                ).sorted("id")
            ],
        )
        return result

    @api.model
    def _b2b_api_picking_values(self, picking):
        """A delivery of the order; ``tracking_ref`` is the carrier tracking
        reference when a shipping module provides one."""
        tracking = (
            picking["carrier_tracking_ref"]
            if "carrier_tracking_ref" in picking._fields
            else None
        )
        return {
            "id": picking.id,
            "name": picking.name,
            "state": picking.state,
            "scheduled_date": fields.Datetime.to_string(picking.scheduled_date)
            if picking.scheduled_date
            else None,
            "date_done": fields.Datetime.to_string(picking.date_done)
            if picking.date_done
            else None,
            "tracking_ref": tracking or None,
        }

    @api.model
    def _b2b_api_invoice_values(self, move):
        return {
            "id": move.id,
            "name": move.name,
            "type": move.move_type,
            "invoice_date": fields.Date.to_string(move.invoice_date)
            if move.invoice_date
            else None,
            "due_date": fields.Date.to_string(move.invoice_date_due)
            if move.invoice_date_due
            else None,
            "currency": move.currency_id.name,
            "amount_total": move.amount_total,
            "amount_due": move.amount_residual,
            "payment_state": move.payment_state,
            "origin": move.invoice_origin or None,
        }

    @api.model
    def _b2b_api_cancel(self, payload):
        dealer = self._b2b_api_dealer(payload)
        order = self._b2b_api_order(payload, dealer)
        if order.state not in ("draft", "sent"):
            raise ApiError(
                [
                    self._b2b_api_error(
                        "NOT_CANCELLABLE",
                        self.env._(
                            "%(order)s is %(state)s: only quotations not yet "
                            "confirmed can be cancelled here.",
                            order=order.name,
                            state=dict(
                                order._fields["state"]._description_selection(self.env)
                            ).get(order.state, order.state),
                        ),
                        field="order_id",
                    )
                ]
            )
        # sudo: an order of the checked dealer; no cancel wizard over RPC.
        order._action_cancel()
        # an order waiting for approval: its request goes with it
        order._b2b_approval_requests(states=("pending", "approved"))._b2b_reset(
            self.env._("the order was cancelled by the integrator")
        )
        return self._b2b_api_order_summary(order)

    @api.model
    def _b2b_api_open_invoices(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer", "limit"})
        dealer = self._b2b_api_dealer(payload)
        limit = payload.get("limit", MAX_RESULTS)
        if not _is_int(limit) or not 0 < limit <= MAX_RESULTS:
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("limit must be an integer from 1 to %s.", MAX_RESULTS),
                    field="limit",
                )
            )
        if errors:
            raise ApiError(errors)
        company = self._b2b_api_company(dealer)
        # sudo: the invoices of the checked dealer only.
        moves = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", dealer.id),
                    ("company_id", "=", company.id),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                ],
                order="invoice_date_due, id",
                limit=limit,
            )
        )
        today = fields.Date.context_today(self)
        invoices = []
        for move in moves:
            values = self._b2b_api_invoice_values(move)
            values["overdue"] = bool(
                move.invoice_date_due and move.invoice_date_due < today
            )
            invoices.append(values)
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "currency": company.currency_id.name,
            "amount_due": company.currency_id.round(
                sum(move.amount_residual_signed for move in moves)
            ),
            "invoices": invoices,
        }
