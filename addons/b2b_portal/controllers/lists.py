# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the dealer's saved order lists."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from .portal import B2bPortal


class B2bPortalLists(B2bPortal):
    # ------------------------------------------------------------------
    # Saved lists
    # ------------------------------------------------------------------
    def _b2b_order_list(self, list_id):
        self._b2b_check_buyer()
        order_list = request.env["b2b.order.list"].browse(list_id)
        try:
            order_list.check_access("read")
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return order_list

    @http.route("/my/b2b/lists", type="http", auth="user", website=True)
    def b2b_lists(self, **kwargs):
        self._b2b_check_buyer()
        lists = request.env["b2b.order.list"].search(
            request.env.user._b2b_portal_domain("b2b.order.list")
        )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "b2b_lists", "order_lists": lists})
        return request.render("b2b_portal.portal_my_lists", values)

    @http.route("/my/b2b/lists/<int:list_id>", type="http", auth="user", website=True)
    def b2b_list(self, list_id, **kwargs):
        order_list = self._b2b_order_list(list_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_list",
                "order_list": order_list,
                "is_owner": order_list.user_id == request.env.user,
            }
        )
        return request.render("b2b_portal.portal_my_list", values)

    @http.route(
        "/my/b2b/lists/<int:list_id>/order",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_list_order(self, list_id, **kwargs):
        order_list = self._b2b_order_list(list_id)
        rows = request.env["b2b.quick.order"]._b2b_rows_from_products(
            [(line.product_id, line.quantity) for line in order_list.line_ids]
        )
        return self._b2b_render_rows(rows)

    @http.route(
        "/my/b2b/lists/<int:list_id>/update",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_list_update(self, list_id, action="save", name=None, shared=None, **kw):
        order_list = self._b2b_order_list(list_id)
        try:
            order_list.check_access("write")
        except AccessError as error:
            raise NotFound() from error
        if action == "delete":
            order_list.unlink()
            return request.redirect("/my/b2b/lists")
        values = {"shared": bool(shared)}
        if name and name.strip():
            values["name"] = name.strip()[:100]
        order_list.write(values)
        return request.redirect(f"/my/b2b/lists/{order_list.id}")
