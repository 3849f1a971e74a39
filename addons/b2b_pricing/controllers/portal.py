# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class B2bPricingPortal(CustomerPortal):
    @http.route(
        "/my/b2b/price_list/<string:fmt>", type="http", auth="user", methods=["GET"]
    )
    def b2b_my_price_list(self, fmt="pdf", **kwargs):
        """The price list of the dealer of the current (portal) user."""
        dealer = request.env.user._b2b_dealer()
        if not dealer or not dealer.sudo().b2b_can_order:
            raise NotFound()
        return self._b2b_price_list_response(dealer.sudo(), fmt)

    @http.route(
        "/b2b/price_list/<int:partner_id>/<string:fmt>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def b2b_dealer_price_list(self, partner_id, fmt="pdf", **kwargs):
        """The price list of a dealer, for the staff that can read it."""
        user = request.env.user
        if not user._is_internal() or not user.has_group(
            "b2b_base.b2b_base_group_salesman_own"
        ):
            raise NotFound()
        dealer = request.env["res.partner"].browse(partner_id)
        try:
            dealer.check_access("read")
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        dealer = dealer.commercial_partner_id
        if not dealer.b2b_is_dealer:
            raise NotFound()
        return self._b2b_price_list_response(dealer.sudo(), fmt)

    def _b2b_price_list_response(self, dealer, fmt):
        filename = request.env._("Price List - %s", dealer.name)
        if fmt == "xlsx":
            content = dealer._b2b_price_list_xlsx()
            headers = [
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(f"{filename}.xlsx")),
            ]
        elif fmt == "pdf":
            content, __ = (
                request.env["ir.actions.report"]
                .sudo()
                ._render_qweb_pdf("b2b_pricing.b2b_price_list_report", dealer.ids)
            )
            headers = [
                ("Content-Type", "application/pdf"),
                ("Content-Disposition", content_disposition(f"{filename}.pdf")),
            ]
        else:
            raise NotFound()
        headers.append(("Content-Length", len(content)))
        return request.make_response(content, headers)
