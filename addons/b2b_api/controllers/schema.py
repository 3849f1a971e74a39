# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""``GET /b2b_api/schema.json``: the integrator API's contract.

Public (``auth="public"``): the contract holds no data of any dealer or
user, only the shape of the operations, and it is the same file Odoo
already serves to anyone as a static asset of the module; integrators and
code generators read it before they have a key.
"""

from odoo import http
from odoo.http import request

from ..models.b2b_api_schema import _schema_text


class B2bApiSchema(http.Controller):
    @http.route(
        "/b2b_api/schema.json",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
        sitemap=False,
    )
    def b2b_api_schema(self):
        return request.make_response(
            _schema_text(),
            headers=[
                ("Content-Type", "application/schema+json; charset=utf-8"),
                ("Cache-Control", "public, max-age=3600"),
            ],
        )
