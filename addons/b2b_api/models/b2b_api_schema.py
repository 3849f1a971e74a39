# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API: the machine-readable contract (JSON Schema).

The contract is one file shipped with the module,
``static/schema/b2b_api.schema.json`` (JSON Schema draft 2020-12): per
operation its model, the schema of its payload (``params``), of its success
answer (``result``), of any answer (``answer``: result or failure) and the
error codes it can answer. It is served by ``GET /b2b_api/schema.json``
(controllers/schema.py) and by the operation ``api_schema``.

Glue modules that add operations (e.g. ``b2b_api_rebate``) ship their part
of the contract as a fragment of the same shape (``operations``,
``$defs``) and declare it in ``_b2b_api_schema_fragments``: the contract
served is b2b_api's file with the fragments of the installed modules, so it
never lists an operation the server would answer ``UNKNOWN_OPERATION``.
"""

import copy
import functools
import json

from odoo import api, models
from odoo.tools.misc import file_open

from .b2b_api import API_VERSION, ApiError

SCHEMA_PATH = "b2b_api/static/schema/b2b_api.schema.json"


@functools.cache
def _schema_text():
    with file_open(SCHEMA_PATH, "rb") as f:
        return f.read().decode("utf-8")


def load_schema():
    """The contract as a dict (a fresh copy: callers may change it)."""
    return copy.deepcopy(_loaded_schema())


@functools.cache
def _loaded_schema():
    return json.loads(_schema_text())


@functools.cache
def _fragment(path):
    with file_open(path, "rb") as f:
        return json.loads(f.read().decode("utf-8"))


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class B2bApi(models.AbstractModel):
    _inherit = "b2b.api"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def api_schema(self, payload=None):
        """The API contract: ``{"ok": true, "api_version", "schema"}``."""
        return self._b2b_api_run("api_schema", payload, "_b2b_api_schema")

    @api.model
    def _b2b_api_schema(self, payload):
        errors = self._b2b_api_check_fields(payload, set())
        if errors:
            raise ApiError(errors)
        return {
            "ok": True,
            "api_version": API_VERSION,
            "schema": self._b2b_api_contract(),
        }

    @api.model
    def _b2b_api_schema_fragments(self):
        """Paths (for ``file_open``) of the contract fragments of the
        installed glue modules; each module adds its own with ``super()``."""
        return []

    @api.model
    def _b2b_api_contract(self):
        """The contract of this server: b2b_api's schema with the
        operations and definitions of the installed modules' fragments."""
        schema = load_schema()
        for path in self._b2b_api_schema_fragments():
            part = _fragment(path)
            schema["$defs"].update(copy.deepcopy(part.get("$defs", {})))
            schema["operations"].update(copy.deepcopy(part.get("operations", {})))
        return schema
