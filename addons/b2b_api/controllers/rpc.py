# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""RPC calls of ``b2b.api`` answered with the API's error structure, never
with a server traceback.

Odoo's RPC layer (``odoo.addons.base.controllers.rpc``) answers what fails
before or around a model method with the formatted traceback: an XML-RPC
body its XML parser cannot read (a NUL character, which XML 1.0 cannot
carry), an unknown method (``AttributeError`` in
``odoo.service.model.get_public_method``), arguments that do not fit. For
calls of the model ``b2b.api`` (and for XML-RPC bodies that cannot be
parsed, whose model cannot be known) this controller answers instead:

- where the model is reached (the caller authenticated): a normal answer
  ``{"ok": false, "api_version", "errors": [...]}`` built by the model, in
  the caller's language (UNKNOWN_OPERATION, INVALID_PAYLOAD,
  INTERNAL_ERROR);
- an XML-RPC body that cannot be parsed: a fault (code 2) whose text is the
  JSON of that structure with INVALID_PAYLOAD.

Authentication failures stay Odoo's (``AccessDenied``, no traceback), and
calls of every other model are left to Odoo untouched.
"""

import json
import logging
import xml.parsers.expat
import xmlrpc.client

import werkzeug.exceptions

from odoo import api
from odoo.exceptions import AccessDenied
from odoo.http import dispatch_rpc, request, route
from odoo.modules.registry import Registry
from odoo.service import security

from odoo.addons.base.controllers.rpc import RPC, _check_request, dumps

from ..models.b2b_api import API_VERSION, _is_int, api_operations

_logger = logging.getLogger(__name__)

MODEL = "b2b.api"
# XML-RPC fault codes of /xmlrpc/2 (odoo.addons.base.controllers.rpc)
FAULT_APPLICATION_ERROR = 1
FAULT_WARNING = 2


def transport_answer(code, message):
    """The error answer of a call that no model could answer (English: the
    caller and its language are unknown)."""
    return {
        "ok": False,
        "api_version": API_VERSION,
        "errors": [{"code": code, "message": message}],
    }


def _is_api_call(service, method, params):
    return (
        service == "object"
        and method in ("execute", "execute_kw")
        and isinstance(params, list | tuple)
        and len(params) >= 5
        and params[3] == MODEL
    )


def _split(method, params):
    """(operation, args, kwargs) of an execute / execute_kw call, or None
    when they are not a name, a list and a dict."""
    operation = params[4]
    if method == "execute":
        args, kwargs = list(params[5:]), {}
    elif len(params) > 7:
        return None
    else:
        args = params[5] if len(params) > 5 else []
        kwargs = params[6] if len(params) > 6 and params[6] is not None else {}
    if (
        not isinstance(operation, str)
        or not isinstance(args, list | tuple)
        or not isinstance(kwargs, dict)
        or not isinstance(kwargs.get("context") or {}, dict)
    ):
        return None
    return operation, args, kwargs


def b2b_api_dispatch(service, method, params):
    """Dispatch an ``execute`` / ``execute_kw`` call of ``b2b.api``: the
    operation's own answer, or the API's error answer of a call that
    reached no operation. Raises only ``AccessDenied`` (authentication)."""
    db, uid, password = params[0], params[1], params[2]
    if not isinstance(db, str) or not _is_int(uid) or not isinstance(password, str):
        raise AccessDenied()
    security.check(db, uid, password)  # AccessDenied, as for any RPC
    split = _split(method, params)
    code = None
    if split is None:
        code = "INVALID_PAYLOAD"
    elif split[0] not in api_operations(Registry(db)[MODEL]):
        code = "UNKNOWN_OPERATION"
    else:
        try:
            return dispatch_rpc(service, method, params)
        except AccessDenied:
            raise
        except Exception:
            # e.g. a serialization failure left after Odoo's retries
            _logger.exception("b2b.api.%s failed outside the operation", split[0])
            code = "INTERNAL_ERROR"
    name = params[4] if split is None else split[0]
    context = (split[2].get("context") or {}) if split else {}
    registry = Registry(db).check_signaling()
    with registry.cursor() as cr:
        # the call's context, as Odoo's call_kw gives it to a model method
        env = api.Environment(cr, uid, context)
        return env[MODEL]._b2b_api_rpc_refusal(name, code)


class B2bApiRpc(RPC):
    def _xmlrpc(self, service):
        _check_request()
        data = request.httprequest.get_data()
        try:
            params, method = xmlrpc.client.loads(data, use_datetime=True)
        except (xml.parsers.expat.ExpatError, ValueError, TypeError) as exc:
            if service != "object":
                raise
            return self._b2b_api_fault(exc)
        if method is None and service == "object":
            return self._b2b_api_fault(None)
        if not _is_api_call(service, method, params):
            result = dispatch_rpc(service, method, params)
            return dumps((result,))
        try:
            result = self._b2b_api_call(service, method, params)
            return dumps((result,))
        except AccessDenied:
            raise
        except Exception:
            _logger.exception("b2b.api: the answer could not be sent")
            answer = transport_answer(
                "INTERNAL_ERROR",
                "The server could not process the request. Try again later or "
                "contact the seller.",
            )
            return dumps(
                xmlrpc.client.Fault(FAULT_APPLICATION_ERROR, json.dumps(answer))
            )

    def _b2b_api_fault(self, exc):
        """The fault of an XML-RPC body that is not a well-formed call."""
        _logger.info("b2b.api: unreadable XML-RPC request (%s)", exc)
        answer = transport_answer(
            "INVALID_PAYLOAD",
            "The request is not a well-formed XML-RPC call (XML 1.0 cannot "
            "carry a NUL character or most control characters).",
        )
        return dumps(xmlrpc.client.Fault(FAULT_WARNING, json.dumps(answer)))

    def _b2b_api_call(self, service, method, params):
        return b2b_api_dispatch(service, method, params)

    @route()
    def jsonrpc(self, service, method, args):
        if not _is_api_call(service, method, args):
            return super().jsonrpc(service, method, args)
        _check_request()
        try:
            return self._b2b_api_call(service, method, args)
        except AccessDenied as exc:
            # Odoo's authentication error, without the traceback Odoo's
            # JSON-RPC error handler would add (``data.debug``)
            self._b2b_api_jsonrpc_error(
                "odoo.exceptions.AccessDenied", str(exc), list(exc.args)
            )
        except Exception:
            _logger.exception("b2b.api: the answer could not be made")
            answer = json.dumps(
                transport_answer(
                    "INTERNAL_ERROR",
                    "The server could not process the request. Try again later "
                    "or contact the seller.",
                )
            )
            self._b2b_api_jsonrpc_error("b2b_api.INTERNAL_ERROR", answer, [answer])

    def _b2b_api_jsonrpc_error(self, name, message, arguments):
        """Answer the JSON-RPC call with an error in Odoo's shape but no
        traceback (``werkzeug.exceptions.abort`` with a response is sent as
        it is, bypassing Odoo's error handler)."""
        error = {
            "code": 200,
            "message": "Odoo Server Error",
            "data": {
                "name": name,
                "message": message,
                "arguments": arguments,
                "context": {},
                "debug": "",
            },
        }
        werkzeug.exceptions.abort(
            request.make_json_response(
                {"jsonrpc": "2.0", "id": request.dispatcher.request_id, "error": error}
            )
        )
