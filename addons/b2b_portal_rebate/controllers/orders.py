# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The dealer's buyer spends the rebate balance on a quotation."""

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.orders import B2bPortalOrders


class B2bPortalRebateOrders(B2bPortalOrders):
    @http.route(
        "/my/b2b/orders/<int:order_id>/rebate",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_rebate(self, order_id, access_token=None, remove=None, **kwargs):
        """Apply the dealer's rebate balance to the quotation (as much as the
        cap allows), or take it off (``remove``): the model's one method."""
        # the buyer's right on the order: Odoo's access check, then the
        # buyer's visibility (404 otherwise); sudo in the buyer's name
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        if not order_sudo._b2b_buyer_can_edit():
            return request.redirect(order_sudo.get_portal_url())
        try:
            with request.env.cr.savepoint():
                order_sudo._b2b_apply_rebate_balance(amount=0.0 if remove else None)
                order_sudo.b2b_submit_error = False
        except (UserError, ValidationError) as error:
            return self._b2b_order_back(order_sudo, "invalid", str(error))
        return self._b2b_order_back(order_sudo, "saved")
