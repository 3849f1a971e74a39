# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The public dealer application form (招商加盟), served by Odoo's portal
framework (``portal.frontend_layout``) without the website app."""

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.b2b_base.tools.uploads import MAX_FILE_SIZE

#: the hidden field that people never fill in and bots do
HONEYPOT = "b2b_website"


class B2bDealerApplication(http.Controller):
    def _b2b_application_render(self, values=None, errors=None):
        # sudo: the public visitor may not read regions; scoped to the names
        # of the active regions of the company, offered in the form
        regions = (
            request.env["b2b.dealer.region"]
            .sudo()
            .search([("company_id", "in", [False, request.env.company.id])])
        )
        states = (
            request.env["res.country.state"]
            .sudo()
            .search([("country_id", "=", request.env.ref("base.cn").id)])
        )
        return request.render(
            "b2b_crm.portal_dealer_application",
            {
                "values": values or {},
                "errors": errors or [],
                "regions": regions,
                "states": states,
                "honeypot": HONEYPOT,
            },
        )

    def _b2b_application_files(self):
        """(name, bytes) of the uploaded licence files, each read up to one
        byte over the limit (enough for the size check)."""
        files = []
        for upload in request.httprequest.files.getlist("license_files"):
            if not upload or not upload.filename:
                continue
            files.append((upload.filename[:128], upload.read(MAX_FILE_SIZE + 1)))
        return files

    @http.route(
        "/dealer/apply", type="http", auth="public", website=True, methods=["GET"]
    )
    def b2b_application(self, **kwargs):
        return self._b2b_application_render()

    @http.route(
        "/dealer/apply", type="http", auth="public", website=True, methods=["POST"]
    )
    def b2b_application_submit(self, **post):
        post.pop("csrf_token", None)
        Lead = request.env["crm.lead"]
        try:
            # sudo: the public visitor may not write the attempts; scoped to
            # counting this submission of its address
            request.env["b2b.crm.application.attempt"].sudo()._b2b_register(
                request.httprequest.remote_addr
            )
            if post.get(HONEYPOT):
                return request.render("b2b_crm.portal_dealer_application_done", {})
            files = self._b2b_application_files()
            if not files:
                raise UserError(
                    request.env._(
                        "Please attach your business licence (PDF, JPG or PNG)."
                    )
                )
            values = Lead._b2b_application_values(post)
            # sudo: the public visitor may not create leads; scoped to one
            # dealer application made of the checked values and files
            Lead.sudo()._b2b_application_create(values, files)
        except (UserError, ValidationError) as error:
            errors = str(error.args[0] if error.args else error).splitlines()
            return self._b2b_application_render(post, errors)
        return request.render("b2b_crm.portal_dealer_application_done", {})
