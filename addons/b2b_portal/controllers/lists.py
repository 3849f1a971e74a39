# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the dealer's saved order lists: priced, edited by their
owner (lines and quantities), shared with the colleagues of the dealer, who
may copy them, and ordered into the quick order rows."""

import re

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from .quick_order import B2bPortalQuickOrder

LINE_QTY_RE = re.compile(r"^line_qty_(\d{1,12})$")
ADD_SKU_RE = re.compile(r"^add_sku_(\d{1,3})$")


class B2bPortalLists(B2bPortalQuickOrder):
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
        values.update(
            {
                "page_name": "b2b_lists",
                "order_lists": lists,
                "own_lists": lists.filtered(
                    lambda lst: lst.user_id == request.env.user
                ),
                "shared_lists": lists.filtered(
                    lambda lst: lst.user_id != request.env.user
                ),
                # sudo: the names of the colleagues who shared a list
                "owners": {lst.id: lst.sudo().user_id.name for lst in lists},
            }
        )
        return request.render("b2b_portal.portal_my_lists", values)

    def _b2b_list_values(self, order_list, errors=None, form=None, saved=False):
        values = self._prepare_portal_layout_values()
        is_owner = order_list.user_id == request.env.user
        values.update(
            {
                "page_name": "b2b_list",
                "order_list": order_list,
                "is_owner": is_owner,
                # sudo: the name of the colleague who shared the list
                "owner_name": order_list.sudo().user_id.name,
                "priced": order_list._b2b_priced_lines(),
                "errors": errors or {},
                "form": form or {},
                "add_rows": 3,
                "saved": saved,
            }
        )
        return values

    @http.route("/my/b2b/lists/<int:list_id>", type="http", auth="user", website=True)
    def b2b_list(self, list_id, **kwargs):
        order_list = self._b2b_order_list(list_id)
        return request.render(
            "b2b_portal.portal_my_list",
            self._b2b_list_values(order_list, saved=kwargs.get("saved") == "1"),
        )

    @http.route(
        "/my/b2b/lists/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_list_new(self, name=None, **kwargs):
        """An empty list of the current buyer, to fill on its page."""
        self._b2b_check_buyer()
        name = (name or "").strip()[:100] or request.env._("New list")
        order_list = request.env["b2b.order.list"]._b2b_create_from_lines(name, [])
        return request.redirect(f"/my/b2b/lists/{order_list.id}")

    @http.route(
        "/my/b2b/lists/<int:list_id>/order",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_list_order(self, list_id, **kwargs):
        """The list's lines added to the quick order rows, validated."""
        order_list = self._b2b_order_list(list_id)
        rows = request.env["b2b.quick.order"]._b2b_rows_from_products(
            # sudo: the products of a list the buyer reads (checked)
            [(line.product_id, line.quantity) for line in order_list.sudo().line_ids]
        )
        return self._b2b_render_rows(rows)

    @http.route(
        "/my/b2b/lists/<int:list_id>/copy",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_list_copy(self, list_id, **kwargs):
        """A list of the current buyer with the lines of a list it reads
        (a colleague's shared list), to edit as its own."""
        order_list = self._b2b_order_list(list_id)
        copy = request.env["b2b.order.list"]._b2b_create_from_lines(
            request.env._("%s (copy)", order_list.name)[:100],
            # sudo: the products of a list the buyer reads (checked)
            [(line.product_id, line.quantity) for line in order_list.sudo().line_ids],
        )
        return request.redirect(f"/my/b2b/lists/{copy.id}")

    @staticmethod
    def _b2b_list_edits(form):
        """(quantities {line id: text}, removed line ids, additions [(SKU,
        quantity)]) of the list form."""
        quantities, removed, additions = {}, [], {}
        for key in form:
            match = LINE_QTY_RE.match(key)
            if match:
                line_id = int(match.group(1))
                quantities[line_id] = (form.get(key) or "").strip()[:30]
                if form.get(f"line_remove_{line_id}"):
                    removed.append(line_id)
                continue
            match = ADD_SKU_RE.match(key)
            if match:
                index = match.group(1)
                additions[int(index)] = (
                    (form.get(key) or "").strip()[:100],
                    (form.get(f"add_qty_{index}") or "").strip()[:30],
                )
        return quantities, removed, [additions[i] for i in sorted(additions)][:20]

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
        if action == "lines":
            form = request.httprequest.form
            quantities, removed, additions = self._b2b_list_edits(form)
            errors = order_list._b2b_update_lines(quantities, removed, additions)
            if errors:
                return request.render(
                    "b2b_portal.portal_my_list",
                    self._b2b_list_values(order_list, errors, form),
                )
            return request.redirect(f"/my/b2b/lists/{order_list.id}?saved=1")
        values = {"shared": bool(shared)}
        if name and name.strip():
            values["name"] = name.strip()[:100]
        order_list.write(values)
        return request.redirect(f"/my/b2b/lists/{order_list.id}")
