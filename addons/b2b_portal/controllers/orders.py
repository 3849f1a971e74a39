# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: submit, reorder and save an order as a list."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from .portal import B2bPortal

#: most quotations counted on the home (the list pages show them all)
QUOTES_COUNTED = 2000


class B2bPortalOrders(B2bPortal):
    # ------------------------------------------------------------------
    # Home: quotations by what the buyer has to do with them
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        wanted = {"quotation_count", "b2b_quote_waiting_count"} & set(counters)
        if not wanted or not self._b2b_dealer():
            return values
        SaleOrder = request.env["sale.order"]
        counts = {"todo": 0, "waiting": 0}
        if SaleOrder.has_access("read"):
            partner = request.env.user.partner_id
            quotes = SaleOrder.search(
                self._prepare_quotations_domain(partner), limit=QUOTES_COUNTED
            )
            for status in quotes.mapped("b2b_buyer_status"):
                if status in ("waiting_dealer", "waiting_seller"):
                    counts["waiting"] += 1
                elif status != "cancelled":
                    counts["todo"] += 1
        # Odoo's "Quotations to review": for a dealer, the ones waiting for
        # the buyer (draft, refused, rejected, approved to submit)
        if "quotation_count" in counters:
            values["quotation_count"] = counts["todo"]
        if "b2b_quote_waiting_count" in counters:
            values["b2b_quote_waiting_count"] = counts["waiting"]
        return values

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
        # Odoo's check returns the order as OdooBot: act as the buyer (sudo,
        # but in the buyer's name) so that the approval requests, the chatter
        # and the quick order validation see the real purchaser.
        return order_sudo.with_user(request.env.user).sudo()

    @http.route(
        "/my/b2b/orders/<int:order_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_submit(self, order_id, access_token=None, **kwargs):
        """Save the order details given with the button, then submit: what
        would refuse the order (credit, order rules) is said at once, before
        anybody is asked to approve it; the refusal stays on the order."""
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        if not order_sudo._b2b_buyer_can_edit():
            return request.redirect(order_sudo.get_portal_url())
        try:
            with request.env.cr.savepoint():
                self._b2b_order_save_details(order_sudo, kwargs)
        except (UserError, ValidationError) as error:
            return self._b2b_order_back(order_sudo, "refused", str(error))
        status, error = order_sudo._b2b_buyer_submit()
        if error:
            return self._b2b_order_back(order_sudo, "refused", error)
        return self._b2b_order_back(
            order_sudo, "confirmed" if order_sudo.state == "sale" else "waiting"
        )

    def _b2b_order_back(self, order_sudo, status, error=None):
        if error:
            request.session["b2b_portal_error"] = error
        return request.redirect(
            order_sudo.get_portal_url(query_string=f"&b2b_submit={status}")
        )

    def _b2b_order_save_details(self, order_sudo, post):
        """The details form of the order page (PO number, delivery address,
        requested date, note); absent fields are left as they are."""
        order_sudo._b2b_buyer_set_details(
            client_ref=post.get("client_order_ref"),
            address_id=post.get("partner_shipping_id"),
            date=post.get("commitment_date"),
            note=post.get("b2b_note"),
        )

    @http.route(
        "/my/b2b/orders/<int:order_id>/details",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_details(self, order_id, access_token=None, **kwargs):
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        try:
            with request.env.cr.savepoint():
                self._b2b_order_save_details(order_sudo, kwargs)
        except (UserError, ValidationError) as error:
            return self._b2b_order_back(order_sudo, "invalid", str(error))
        return self._b2b_order_back(order_sudo, "saved")

    @http.route(
        "/my/b2b/orders/<int:order_id>/lines",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_lines(self, order_id, access_token=None, **kwargs):
        """Change the quantities of a draft, refused or rejected order, remove
        lines (quantity 0) and add products by SKU."""
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        quantities = {}
        for key, value in kwargs.items():
            if key.startswith("qty_") and key[4:].isdigit():
                quantities[int(key[4:])] = value
        new_rows = [
            {
                "line": 1,
                "sku": kwargs.get("new_sku") or "",
                "qty": kwargs.get("new_qty") or "1",
            }
        ]
        try:
            with request.env.cr.savepoint():
                order_sudo._b2b_buyer_update_lines(quantities, new_rows)
        except (UserError, ValidationError) as error:
            return self._b2b_order_back(order_sudo, "invalid", str(error))
        return self._b2b_order_back(order_sudo, "saved")

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
