# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""``GET /b2b_api/schema.json``: the integrator API's contract.

Public (``auth="public"``): the contract holds no data of any dealer or
user, only the shape of the operations, and it is made of the files Odoo
already serves to anyone as static assets of the modules; integrators and
code generators read it before they have a key.
"""

import json

from odoo import http
from odoo.http import request


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
        # sudo: the contract is the shipped schema files of the installed
        # modules, no record of anybody (the public user has no API rights)
        contract = request.env["b2b.api"].sudo()._b2b_api_contract()
        return request.make_response(
            json.dumps(contract, ensure_ascii=False),
            headers=[
                ("Content-Type", "application/schema+json; charset=utf-8"),
                ("Cache-Control", "public, max-age=3600"),
            ],
        )
