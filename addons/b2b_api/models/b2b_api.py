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

import logging

from psycopg2 import OperationalError

from odoo import api, models
from odoo.exceptions import AccessDenied, AccessError, UserError, ValidationError
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

_logger = logging.getLogger(__name__)

# The version of the API contract (docs/API.md, "Versioning"): major.minor,
# in every answer as ``api_version``. The minor grows with additive changes,
# the major with breaking ones.
API_VERSION = "1.0"

MAX_RESULTS = 500  # open invoices
MAX_KEY_LENGTH = 128
MAX_TEXT_LENGTH = 2000
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
                raise self._b2b_api_fail(
                    "INVALID_PAYLOAD",
                    self.env._("The payload must be a JSON object (dict)."),
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
    def _b2b_api_fail(self, code, message, line=None, field=None):
        """The exception of a call refused with one error:
        ``raise self._b2b_api_fail(code, message, field=...)``."""
        return ApiError([self._b2b_api_error(code, message, line=line, field=field)])

    @api.model
    def _b2b_api_check_user(self):
        if not self.env.user._b2b_api_is_integration():
            raise self._b2b_api_fail(
                "NOT_INTEGRATION_USER",
                self.env._(
                    "%s is not an integration user of the dealer API.",
                    self.env.user.name,
                ),
            )

    @api.model
    def _b2b_api_check_texts(self, payload):
        """Refuse texts the database cannot store before anything uses them."""
        name = _bad_text_field(payload)
        if name is not None:
            field = str(name).encode("utf-8", "replace").decode()[:64]
            field = field.replace("\x00", "")
            raise self._b2b_api_fail(
                "INVALID_PAYLOAD",
                self.env._("%s holds a NUL character or invalid Unicode.", field),
                field=field,
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
    # Arguments shared by the operations
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
            raise self._b2b_api_fail(
                "MISSING_FIELD",
                self.env._(
                    "Give the dealer (id or dealer code): you act for " "%s dealers.",
                    len(linked),
                ),
                field="dealer",
            )
        if _is_int(value):
            dealer = linked.filtered(lambda d: d.id == value)
        elif isinstance(value, str):
            code = value.strip().lower()
            dealer = linked.filtered(
                lambda d: (d.b2b_dealer_code or "").lower() == code
            )
        else:
            raise self._b2b_api_fail(
                "INVALID_TYPE",
                self.env._("dealer must be an id (integer) or a code."),
                field="dealer",
            )
        if not dealer:
            raise self._b2b_api_fail(
                "FORBIDDEN_DEALER",
                self.env._("You may not act for the dealer %s.", str(value)[:64]),
                field="dealer",
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
