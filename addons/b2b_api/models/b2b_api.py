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
API_VERSION = "1.2"

MAX_RESULTS = 500  # open invoices
MAX_KEY_LENGTH = 128
MAX_TEXT_LENGTH = 2000
MAX_ID = 2**31 - 1  # PostgreSQL integer: larger ids cannot name a record
LINE_FIELDS = {"product_id", "sku", "quantity"}
# the ORM's own public methods: not operations of the API
_ORM_NAMES = frozenset(dir(models.AbstractModel))
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


def _api_datetime(value):
    """A datetime of an answer: ISO 8601 in UTC, ``YYYY-MM-DDTHH:MM:SSZ``
    (Odoo stores datetimes naive in UTC), or None."""
    if not value:
        return None
    return value.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _api_date(value):
    """A date of an answer: ``YYYY-MM-DD``, or None."""
    if not value:
        return None
    return value.strftime("%Y-%m-%d")


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


def api_operations(cls):
    """The names of the operations of the model class ``cls``: the public
    methods the suite defines on ``b2b.api`` (not the ORM's own public
    methods, meaningless on this abstract model, nor ``@api.private`` ones).
    Anything else called over RPC is UNKNOWN_OPERATION."""
    # every model's methods: the ORM's and those modules add to all models
    # (``_inherit = "base"``: web_read, get_views...)
    orm_names = set(dir(cls.pool["base"])) | _ORM_NAMES
    return {
        name
        for name in dir(cls)
        if not name.startswith("_")
        and name not in orm_names
        and callable(getattr(cls, name, None))
        and not getattr(getattr(cls, name), "_api_private", False)
    }


class B2bApi(models.AbstractModel):
    _name = "b2b.api"
    _description = "Dealer Integrator API"

    # ------------------------------------------------------------------
    # Operations (public: RPC entry points)
    # ------------------------------------------------------------------
    # Each takes one payload; anything more (a second positional argument,
    # keyword arguments other than Odoo's ``context``) is INVALID_PAYLOAD
    # rather than a TypeError traceback.
    @api.model
    def price_lines(self, payload=None, *args, **kwargs):
        """Prices of lines for a dealer: ``{dealer, lines: [{sku|product_id,
        quantity}], date}``; reuses ``b2b.pricing.service.price_products``."""
        return self._b2b_api_run(
            "price_lines", payload, "_b2b_api_price_lines", args, kwargs
        )

    @api.model
    def dealer_credit(self, payload=None, *args, **kwargs):
        """Credit limit, exposure, available credit and hold of a dealer."""
        return self._b2b_api_run(
            "dealer_credit", payload, "_b2b_api_credit", args, kwargs
        )

    @api.model
    def product_availability(self, payload=None, *args, **kwargs):
        """Stock per warehouse of a list of SKUs / product ids."""
        return self._b2b_api_run(
            "product_availability", payload, "_b2b_api_availability", args, kwargs
        )

    @api.model
    def submit_order(self, payload=None, *args, **kwargs):
        """Validate, create and confirm an order, once per idempotency key."""
        return self._b2b_api_run(
            "submit_order", payload, "_b2b_api_submit", args, kwargs
        )

    @api.model
    def order_status(self, payload=None, *args, **kwargs):
        """State, approval steps, deliveries and invoices of an order."""
        return self._b2b_api_run(
            "order_status", payload, "_b2b_api_status", args, kwargs
        )

    @api.model
    def cancel_order(self, payload=None, *args, **kwargs):
        """Cancel a quotation (an order not confirmed yet)."""
        return self._b2b_api_run(
            "cancel_order", payload, "_b2b_api_cancel", args, kwargs
        )

    @api.model
    def open_invoices(self, payload=None, *args, **kwargs):
        """The dealer's posted invoices and credit notes not fully paid."""
        return self._b2b_api_run(
            "open_invoices", payload, "_b2b_api_open_invoices", args, kwargs
        )

    @api.model
    def dealer_addresses(self, payload=None, *args, **kwargs):
        """The dealer's delivery addresses (ids for submit_order)."""
        return self._b2b_api_run(
            "dealer_addresses", payload, "_b2b_api_addresses", args, kwargs
        )

    @api.model
    def _b2b_api_operations(self):
        """The names of the operations (see :func:`api_operations`)."""
        return api_operations(type(self))

    @api.model
    def _b2b_api_rpc_refusal(self, name, code):
        """The answer to an RPC call of ``b2b.api`` that reached no operation,
        through the same frame as an operation (user and rate checks,
        language, version), for the RPC controller of this module:
        UNKNOWN_OPERATION (an unknown or private method), INVALID_PAYLOAD
        (arguments that are not a list and a dict) or INTERNAL_ERROR (the
        call failed outside the operation; logged by the controller)."""
        name = str(name)[:64].encode("utf-8", "replace").decode().replace("\x00", "")

        def refuse(_payload):
            if code == "UNKNOWN_OPERATION":
                message = self.env._(
                    "%(name)s is not an operation of the dealer API. Operations: "
                    "%(operations)s.",
                    name=name,
                    operations=", ".join(sorted(self._b2b_api_operations())),
                )
            elif code == "INVALID_PAYLOAD":
                message = self.env._(
                    "Call an operation with execute_kw(db, uid, key, "
                    '"b2b.api", operation, [payload]) and optionally '
                    '{"context": {...}}.'
                )
            else:
                raise ApiError(self._b2b_api_internal_error()["errors"])
            raise self._b2b_api_fail(code, message)

        return self._b2b_api_run(name, {}, refuse)

    # ------------------------------------------------------------------
    # Frame: user, rate limit, errors
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_lang(self):
        """The language of the messages: the call's context ``lang`` when it
        is installed (or en_US, the language of the source texts), else the
        user's preference, else en_US."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        installed.add("en_US")
        for lang in (self.env.context.get("lang"), self.env.user.lang):
            if isinstance(lang, str) and lang in installed:
                return lang
        return "en_US"

    @api.model
    def _b2b_api_run(self, operation, payload, handler, args=(), kwargs=None):
        """Run ``handler`` (a method name, or a callable taking the payload)
        on ``payload``: user and rate checks, language, companies, savepoint,
        errors as results, ``api_version`` in every answer."""
        # Companies of the context the user may not use are refused below;
        # until then they are dropped, as Odoo's environment would raise on
        # them at the first read.
        bad_companies = self._b2b_api_bad_companies()
        if bad_companies:
            self = self.with_context(allowed_company_ids=False)
        # Messages in the caller's language. Every environment the handler
        # uses derives from this one (sudo, with_company keep the context).
        self = self.with_context(
            lang=self._b2b_api_lang(), b2b_api_bad_companies=bad_companies
        )
        return dict(
            self._b2b_api_answer(operation, payload, handler, args, kwargs),
            api_version=API_VERSION,
        )

    @api.model
    def _b2b_api_answer(self, operation, payload, handler, args, kwargs):
        try:
            self._b2b_api_check_user()
            self._b2b_api_check_rate()
            self._b2b_api_check_companies()
            if args or kwargs:
                raise self._b2b_api_fail(
                    "INVALID_PAYLOAD",
                    self.env._(
                        "An operation takes one argument, the payload (a JSON "
                        "object); got %(count)s more.",
                        count=len(args) + len(kwargs or ()),
                    ),
                )
            if payload is None:
                payload = {}
            if not isinstance(payload, dict):
                raise self._b2b_api_fail(
                    "INVALID_PAYLOAD",
                    self.env._("The payload must be a JSON object (dict)."),
                )
            self._b2b_api_check_texts(payload)
            run = handler if callable(handler) else getattr(self, handler)
            # the handler's writes are undone when it fails, whatever the
            # exception; the transaction itself is committed by Odoo
            with self.env.cr.savepoint():
                return _no_null(run(payload))
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
    def _b2b_api_bad_companies(self):
        """Whether the companies of the call (``allowed_company_ids`` of the
        context) are not all companies the user may work in (or are not a
        list of ids)."""
        company_ids = self.env.context.get("allowed_company_ids")
        if not company_ids:
            return False
        if not isinstance(company_ids, list | tuple) or not all(
            _is_int(company_id) for company_id in company_ids
        ):
            return True
        # sudo: the caller's own companies, read without the context's ones
        user = (
            self.env["res.users"]
            .sudo()
            .with_context(allowed_company_ids=False)
            .browse(self.env.uid)
        )
        return not set(company_ids) <= set(user._get_company_ids())

    @api.model
    def _b2b_api_check_companies(self):
        """The companies of the call must be companies the user may work in:
        anything else is FORBIDDEN_DEALER (no dealer of such a company can
        be acted for), not Odoo's access error on the environment."""
        if self.env.context.get("b2b_api_bad_companies"):
            raise self._b2b_api_fail(
                "FORBIDDEN_DEALER",
                self.env._(
                    "The companies of the call (allowed_company_ids) are not all "
                    "companies you may work in: you may not act for their dealers."
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
            if not linked:
                # linked to no dealer usable here (none at all, or only
                # dealers of companies the call may not work in)
                raise self._b2b_api_fail(
                    "FORBIDDEN_DEALER",
                    self.env._(
                        "You may act for no dealer in the companies of this call "
                        "(your Allowed Companies, or allowed_company_ids)."
                    ),
                    field="dealer",
                )
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
