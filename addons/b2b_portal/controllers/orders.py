# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: submit, reorder and save an order as a list."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from .portal import B2bPortal


class B2bPortalOrders(B2bPortal):
    # ------------------------------------------------------------------
    # Submit, reorder, save as list
    # ------------------------------------------------------------------
    def _b2b_order_for_buyer(self, order_id, access_token=None):
        """The order (sudo) when the current buyer may act on it, else 404.

        Odoo's access check first (ACL and record rules, or the access
        token), then the visibility of the buyer: a token shared outside the
        dealer, or with a colleague purchaser, does not let act on the order.
        """
        self._b2b_check_buyer()
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        domain = request.env.user._b2b_portal_domain("sale.order")
        if not order_sudo.filtered_domain(domain):
            raise NotFound()
        return order_sudo

    @http.route(
        "/my/b2b/orders/<int:order_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_submit(self, order_id, access_token=None, **kwargs):
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        if order_sudo.state not in ("draft", "sent"):
            return request.redirect(order_sudo.get_portal_url())
        try:
            with request.env.cr.savepoint():
                order_sudo.action_confirm()
        except (UserError, ValidationError) as error:
            request.session["b2b_portal_error"] = str(error)
            return request.redirect(
                order_sudo.get_portal_url(query_string="&b2b_submit=refused")
            )
        status = "confirmed" if order_sudo.state == "sale" else "waiting"
        return request.redirect(
            order_sudo.get_portal_url(query_string=f"&b2b_submit={status}")
        )

    @http.route(
        "/my/b2b/orders/<int:order_id>/reorder",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_reorder(self, order_id, access_token=None, **kwargs):
        """Validate the products of a past order as a new quick order."""
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        QuickOrder = request.env["b2b.quick.order"]
        rows = QuickOrder._b2b_rows_from_products(
            [
                (line.product_id, line.product_uom_qty)
                for line in order_sudo.order_line
                if line.product_id and not line.display_type and not line.is_downpayment
            ]
        )
        return self._b2b_render_rows(rows)

    @http.route(
        "/my/b2b/orders/<int:order_id>/save_list",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_save_list(self, order_id, access_token=None, name=None, **kwargs):
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        order_list = request.env["b2b.order.list"]._b2b_create_from_lines(
            (name or order_sudo.name or "").strip()[:100] or order_sudo.name,
            [
                (line.product_id, line.product_uom_qty)
                for line in order_sudo.order_line
                if line.product_id and not line.display_type and not line.is_downpayment
            ],
        )
        return request.redirect(f"/my/b2b/lists/{order_list.id}")
