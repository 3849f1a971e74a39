# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request


def price_list_response(dealer, fmt):
    """The HTTP download of ``dealer``'s price list (404 for an unknown
    format); the caller has checked the access to the dealer."""
    file = dealer._b2b_price_list_file(fmt)
    if not file:
        raise NotFound()
    content, mimetype, filename = file
    return request.make_response(
        content,
        [
            ("Content-Type", mimetype),
            ("Content-Disposition", content_disposition(filename)),
            ("Content-Length", len(content)),
        ],
    )


class B2bPricingController(http.Controller):
    @http.route(
        "/b2b/price_list/<int:partner_id>/<string:fmt>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def b2b_dealer_price_list(self, partner_id, fmt="pdf", **kwargs):
        """The price list of a dealer, for the staff that can read it (the
        dealers' own download is in the portal, b2b_portal)."""
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
        return price_list_response(dealer.sudo(), fmt)
