# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: quick order by SKU (typed, pasted or uploaded rows,
checked before anything is created), and the buyer's order in progress.

The rows of the quick order are the buyer's order in progress (a cart): they
are kept in the session, so that the catalogue's *Add to order*, a saved
list or a reorder add rows to the same table, and the quick order page shows
them again, validated by ``b2b.quick.order._b2b_validate``, until the draft
order is created from them (``_b2b_create_order``), which empties it."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

from .portal import ROW_KEY_RE, XLSX_MIMETYPE, B2bPortal

#: session key of the buyer's rows in progress
CART_KEY = "b2b_quick_order_rows"


class B2bPortalQuickOrder(B2bPortal):
    # ------------------------------------------------------------------
    # The order in progress (rows kept in the session)
    # ------------------------------------------------------------------
    def _b2b_cart_rows(self):
        """The rows in progress of the current buyer (``sku`` or
        ``product_id``, and ``qty``), numbered from 1."""
        stored = request.session.get(CART_KEY) or {}
        if not isinstance(stored, dict) or stored.get("uid") != request.env.uid:
            return []
        rows = []
        for row in stored.get("rows") or []:
            if not isinstance(row, dict):
                continue
            product_id = row.get("product_id")
            sku = row.get("sku") if isinstance(row.get("sku"), str) else ""
            qty = row.get("qty") if isinstance(row.get("qty"), str) else ""
            if not sku and not isinstance(product_id, int):
                continue
            row = {"line": len(rows) + 1, "qty": qty[:30]}
            if sku:
                row["sku"] = sku[:100]
            else:
                row["product_id"] = product_id
            rows.append(row)
        return rows[: request.env["b2b.quick.order"]._b2b_max_rows()]

    def _b2b_cart_save(self, validation):
        """Keep the entries of ``validation`` (None: nothing) as the rows in
        progress: one row per entry, valid or not, so that nothing typed is
        lost; the product id only for a product without SKU."""
        rows = []
        for entry in (validation or {}).get("entries", []):
            if entry["sku"]:
                rows.append({"sku": entry["sku"], "qty": entry["qty"]})
            elif entry["product_id"]:
                rows.append({"product_id": entry["product_id"], "qty": entry["qty"]})
        if rows:
            request.session[CART_KEY] = {"uid": request.env.uid, "rows": rows}
        else:
            request.session.pop(CART_KEY, None)

    def _b2b_cart_count(self):
        return len(self._b2b_cart_rows())

    def _b2b_validate_rows(self, rows):
        """(validation, error) of ``rows`` for the current buyer, the
        validation kept as the rows in progress."""
        try:
            validation = request.env["b2b.quick.order"]._b2b_validate(rows)
        except UserError as error:
            return None, str(error)
        self._b2b_cart_save(validation)
        return validation, None

    def _b2b_render_rows(self, rows):
        """The quick order page with ``rows`` added to the rows in progress
        (reorder, saved list), all validated."""
        cart = self._b2b_cart_rows()
        for number, row in enumerate(rows, start=len(cart) + 1):
            cart.append(dict(row, line=number))
        validation, error = self._b2b_validate_rows(cart)
        return request.render(
            "b2b_portal.portal_my_quick_order",
            self._b2b_quick_order_values(validation=validation, error=error),
        )

    # ------------------------------------------------------------------
    # Quick order
    # ------------------------------------------------------------------
    @http.route("/my/b2b/quick_order", type="http", auth="user", website=True)
    def b2b_quick_order(self, **kwargs):
        self._b2b_check_buyer()
        rows = self._b2b_cart_rows()
        if rows:
            return self._b2b_render_rows([])
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

    @staticmethod
    def _b2b_json_entry(entry, currency):
        """What the page shows of one validated entry (JSON)."""
        product = entry["product"]
        return {
            "ok": not entry["error"],
            "error": entry["error"],
            "warning": entry["warning"],
            "lines": entry["lines"],
            "sku": product.default_code or entry["sku"],
            "product_id": product.id or None,
            "qty": entry["qty"],
            "name": entry["name"],
            "price_unit": entry["price_unit"],
            "subtotal": entry["subtotal"],
            "next_break": entry["next_break"],
            "currency": currency.name,
            "availability": entry.get("availability"),
        }

    @http.route(
        "/my/b2b/quick_order/lookup", type="json", auth="user", methods=["POST"]
    )
    def b2b_quick_order_lookup(self, sku=None, qty=None, product_id=None, **kwargs):
        """One SKU (or product of the typeahead) typed in the quick order:
        product, price, next break and errors."""
        self._b2b_check_buyer()
        if not isinstance(qty, str | int | float) or isinstance(qty, bool):
            qty = ""
        if isinstance(product_id, int) and not isinstance(product_id, bool):
            row = {"line": 1, "product_id": product_id, "qty": qty}
        elif isinstance(sku, str) and sku.strip() and len(sku) <= 100:
            row = {"line": 1, "sku": sku, "qty": qty}
        else:
            return {"ok": False, "error": request.env._("Enter a SKU.")}
        try:
            validation = request.env["b2b.quick.order"]._b2b_validate([row])
        except UserError as error:
            return {"ok": False, "error": str(error)}
        return self._b2b_json_entry(validation["entries"][0], validation["currency"])

    @http.route(
        "/my/b2b/quick_order/suggest", type="json", auth="user", methods=["POST"]
    )
    def b2b_quick_order_suggest(self, term=None, **kwargs):
        """Typeahead: the orderable products whose SKU, name or barcode
        contain ``term``."""
        self._b2b_check_buyer()
        if not isinstance(term, str):
            return []
        try:
            return request.env["b2b.quick.order"]._b2b_suggest(term)
        except UserError:
            return []

    @http.route("/my/b2b/quick_order/price", type="json", auth="user", methods=["POST"])
    def b2b_quick_order_price(self, rows=None, **kwargs):
        """The rows of the table as they are typed (``key``, ``sku`` or
        ``product_id``, ``qty``), validated and priced together like the
        *Check* button does (cumulative breaks, minimums, merged duplicates),
        and kept as the rows in progress: per ``key``, the entry it belongs
        to; the total."""
        self._b2b_check_buyer()
        max_rows = request.env["b2b.quick.order"]._b2b_max_rows()
        if not isinstance(rows, list) or len(rows) > max_rows:
            return {"ok": False, "error": request.env._("Invalid rows.")}
        parsed = []
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("key"), int):
                continue
            sku, qty = row.get("sku"), row.get("qty")
            product_id = row.get("product_id")
            item = {
                "line": row["key"],
                "sku": sku.strip()[:100] if isinstance(sku, str) else "",
                "qty": qty.strip()[:30] if isinstance(qty, str) else "",
            }
            if not item["sku"] and isinstance(product_id, int):
                item["product_id"] = product_id
            if item["sku"] or item.get("product_id") or item["qty"]:
                parsed.append(item)
        validation, error = self._b2b_validate_rows(parsed)
        if error:
            return {"ok": False, "error": error}
        currency = validation["currency"]
        result = {}
        for entry in validation["entries"]:
            data = self._b2b_json_entry(entry, currency)
            first, *others = entry["lines"]
            result[str(first)] = data
            for key in others:
                result[str(key)] = {"merged_into": first}
        return {
            "ok": True,
            "rows": result,
            "valid": validation["valid"],
            "invalid": validation["invalid"],
            "amount": validation["amount"],
            "currency": currency.name,
            "messages": validation["messages"],
        }

    def _b2b_rows_from_form(self, form):
        """Rows of the quick order table (``sku_<n>``, ``qty_<n>``,
        ``line_<n>``, ``drop_<n>``, and ``pid_<n>`` for a product without
        SKU), in the order of ``n``."""
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
            pid = (form.get(f"pid_{index}") or "").strip()
            product_id = int(pid) if pid.isdigit() and len(pid) < 10 else None
            if not sku and not qty and not product_id:
                continue
            try:
                line = int(form.get(f"line_{index}") or 0)
            except ValueError:
                line = 0
            row = {"line": line, "sku": sku[:100], "qty": qty[:30]}
            if not sku and product_id:
                row["product_id"] = product_id
            rows.append((int(index), row))
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
        if action == "clear":
            self._b2b_cart_save(None)
            return request.redirect("/my/b2b/quick_order")
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
                self._b2b_cart_save(None)
                return request.redirect(order.get_portal_url())
        self._b2b_cart_save(validation)
        return request.render(
            "b2b_portal.portal_my_quick_order",
            self._b2b_quick_order_values(validation=validation),
        )
