# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: quick order by SKU (typed, pasted or uploaded rows,
checked before anything is created)."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

from .portal import ROW_KEY_RE, XLSX_MIMETYPE, B2bPortal


class B2bPortalQuickOrder(B2bPortal):
    # ------------------------------------------------------------------
    # Quick order
    # ------------------------------------------------------------------
    @http.route("/my/b2b/quick_order", type="http", auth="user", website=True)
    def b2b_quick_order(self, **kwargs):
        self._b2b_check_buyer()
        return request.render(
            "b2b_portal.portal_my_quick_order", self._b2b_quick_order_values()
        )

    @http.route(
        "/my/b2b/quick_order/template.<string:fmt>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_quick_order_template(self, fmt="csv", **kwargs):
        self._b2b_check_buyer()
        QuickOrder = request.env["b2b.quick.order"]
        if fmt == "xlsx":
            content, mimetype = QuickOrder._b2b_template_xlsx(), XLSX_MIMETYPE
        elif fmt == "csv":
            content, mimetype = QuickOrder._b2b_template_csv(), "text/csv"
        else:
            raise NotFound()
        return request.make_response(
            content,
            [
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(f"quick_order.{fmt}")),
            ],
        )

    @http.route(
        "/my/b2b/quick_order/lookup", type="json", auth="user", methods=["POST"]
    )
    def b2b_quick_order_lookup(self, sku=None, qty=None, **kwargs):
        """One SKU typed in the quick order: product, price and errors."""
        self._b2b_check_buyer()
        if not isinstance(sku, str) or len(sku) > 100:
            return {"ok": False, "error": request.env._("Enter a SKU.")}
        if not isinstance(qty, str | int | float) or isinstance(qty, bool):
            qty = ""
        try:
            validation = request.env["b2b.quick.order"]._b2b_validate(
                [{"line": 1, "sku": sku, "qty": qty}]
            )
        except UserError as error:
            return {"ok": False, "error": str(error)}
        entry = validation["entries"][0]
        currency = validation["currency"]
        return {
            "ok": not entry["error"],
            "error": entry["error"],
            "warning": entry["warning"],
            "sku": entry["sku"],
            "qty": entry["qty"],
            "name": entry["name"],
            "price_unit": entry["price_unit"],
            "subtotal": entry["subtotal"],
            "currency": currency.name,
        }

    def _b2b_rows_from_form(self, form):
        """Rows of the quick order table (``sku_<n>``, ``qty_<n>``,
        ``line_<n>``, ``drop_<n>``), in the order of ``n``."""
        rows = []
        for key in form:
            match = ROW_KEY_RE.match(key)
            if not match:
                continue
            index = match.group(1)
            if form.get(f"drop_{index}"):
                continue
            sku = (form.get(key) or "").strip()
            qty = (form.get(f"qty_{index}") or "").strip()
            if not sku and not qty:
                continue
            try:
                line = int(form.get(f"line_{index}") or 0)
            except ValueError:
                line = 0
            rows.append((int(index), {"line": line, "sku": sku[:100], "qty": qty[:30]}))
        rows.sort(key=lambda row: row[0])
        rows = [row for __, row in rows]
        for number, row in enumerate(rows, start=1):
            row["line"] = row["line"] or number
        return rows

    @http.route(
        "/my/b2b/quick_order/check",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_quick_order_check(self, action="check", paste=None, upload=None, **post):
        """Validate the rows (table, paste or file); create the draft
        quotation when asked and valid (or asked to keep the valid rows)."""
        self._b2b_check_buyer()
        QuickOrder = request.env["b2b.quick.order"]
        try:
            rows = self._b2b_rows_from_form(request.httprequest.form)
            if paste and paste.strip():
                offset = max((row["line"] for row in rows), default=0)
                for row in QuickOrder._b2b_rows_from_text(paste[:1000000]):
                    row["line"] += offset
                    rows.append(row)
            if upload and getattr(upload, "filename", None):
                content = upload.read(QuickOrder._b2b_max_file_size() + 1)
                rows = QuickOrder._b2b_rows_from_file(upload.filename, content)
            validation = QuickOrder._b2b_validate(rows)
        except UserError as error:
            return request.render(
                "b2b_portal.portal_my_quick_order",
                self._b2b_quick_order_values(error=str(error)),
            )
        if action in ("create", "create_valid") and validation["valid"]:
            if action == "create_valid" or not validation["invalid"]:
                order = QuickOrder._b2b_create_order(validation["entries"])
                return request.redirect(order.get_portal_url())
        return request.render(
            "b2b_portal.portal_my_quick_order",
            self._b2b_quick_order_values(validation=validation),
        )
