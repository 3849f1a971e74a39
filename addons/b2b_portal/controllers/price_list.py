# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the dealer's price list download (PDF, spreadsheet)."""

from werkzeug.exceptions import NotFound

from odoo import http

from odoo.addons.b2b_pricing.controllers.portal import price_list_response

from .portal import B2bPortal


class B2bPortalPriceList(B2bPortal):
    @http.route(
        "/my/b2b/price_list/<string:fmt>", type="http", auth="user", methods=["GET"]
    )
    def b2b_my_price_list(self, fmt="pdf", **kwargs):
        """The price list of the current buyer's dealer (the prices the
        catalogue shows, per SKU and break)."""
        dealer = self._b2b_check_dealer()
        if not dealer.sudo().b2b_can_order:
            raise NotFound()
        # sudo: the buyer's own dealer, checked above
        return price_list_response(dealer.sudo(), fmt)
