# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer agreements in the portal: every buyer of the dealer reads them, its
admin buyers sign them with Odoo's portal signature widget. The rules
(who signs, what is frozen) are in the model."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import content_disposition, request

from odoo.addons.b2b_portal.controllers.portal import B2bPortal

from ..models.b2b_agreement import REPORT

PAGE_SIZE = 50


class B2bAgreementPortal(B2bPortal):
    def _b2b_agreement(self, agreement_id):
        """The agreement as the current user, or a 404 (another dealer's id,
        a draft, a missing one, a user who is no buyer)."""
        self._b2b_check_dealer()
        return self._b2b_portal_record("b2b.agreement", agreement_id)

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if getattr(response, "qcontext", None) is not None and self._b2b_dealer():
            response.qcontext.update(self._b2b_agreement_home_values())
        return response

    def _b2b_agreement_home_values(self):
        Agreement = request.env["b2b.agreement"]
        if not Agreement.has_access("read"):
            return {}
        return {
            "b2b_agreements_link": True,
            "b2b_agreements_waiting": Agreement.search(
                [("dealer_id", "=", self._b2b_dealer().id), ("state", "=", "sent")],
                order="date_start",
            ),
            "b2b_can_sign": request.env.user._b2b_has_role("admin"),
        }

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route(
        "/my/b2b/agreements", type="http", auth="user", website=True, methods=["GET"]
    )
    def b2b_portal_agreements(self, **kw):
        dealer = self._b2b_check_dealer()
        Agreement = request.env["b2b.agreement"]
        if not Agreement.has_access("read"):
            raise NotFound()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_agreements",
                "b2b_agreements": Agreement.search(
                    [("dealer_id", "=", dealer.id)], limit=PAGE_SIZE
                ),
            }
        )
        return request.render("b2b_agreement.portal_my_b2b_agreements", values)

    @http.route(
        "/my/b2b/agreements/<int:agreement_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_agreement(self, agreement_id, message=None, **kw):
        agreement = self._b2b_agreement(agreement_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_agreement",
                "b2b_agreement": agreement,
                "b2b_can_sign": request.env.user._b2b_has_role("admin")
                and agreement.state == "sent",
                "b2b_signed_now": message == "sign_ok",
                "object": agreement,
            }
        )
        return request.render("b2b_agreement.portal_my_b2b_agreement", values)

    @http.route(
        "/my/b2b/agreements/<int:agreement_id>/sign",
        type="json",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_portal_agreement_sign(self, agreement_id, name=None, signature=None):
        """Called by Odoo's signature widget (``portal.signature_form``)."""
        try:
            agreement = self._b2b_agreement(agreement_id)
        except NotFound:
            return {"error": request.env._("Invalid agreement.")}
        try:
            with request.env.cr.savepoint():
                agreement._b2b_portal_sign(
                    name, signature, ip=request.httprequest.remote_addr
                )
        except (AccessError, UserError) as error:
            return {"error": str(error)}
        return {
            "force_refresh": True,
            "redirect_url": f"/my/b2b/agreements/{agreement.id}?message=sign_ok",
        }

    @http.route(
        "/my/b2b/agreements/<int:agreement_id>/pdf",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_agreement_pdf(self, agreement_id, **kw):
        """The signed PDF as it was stored; before signing, the agreement
        rendered now."""
        agreement = self._b2b_agreement(agreement_id)
        # sudo: the file (or the report) of an agreement the user may read
        agreement_sudo = agreement.sudo()
        if agreement_sudo.attachment_id:
            content = agreement_sudo.attachment_id.raw or b""
        else:
            content, _fmt = (
                request.env["ir.actions.report"]
                .sudo()
                .with_company(agreement_sudo.company_id)
                ._render_qweb_pdf(REPORT, agreement.ids)
            )
        filename = agreement_sudo.name.replace("/", "-") + ".pdf"
        return request.make_response(
            content,
            [
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
