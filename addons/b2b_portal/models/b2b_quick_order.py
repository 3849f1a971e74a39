# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import csv
import io
import re
import unicodedata

from odoo import Command, api, models
from odoo.exceptions import UserError
from odoo.tools import float_round

MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes
MAX_ROWS = 5000
#: most products the typeahead proposes
SUGGEST_LIMIT = 8
#: first-row texts of a file that name the SKU column (a header, not a SKU);
#: the translated column title of the user's language counts too
HEADERS = {"sku", "reference", "internal reference", "default_code", "code"}
QTY_RE = re.compile(r"^\d+(\.\d+)?$")


class B2bQuickOrder(models.AbstractModel):
    """Quick order of a dealer buyer: rows of SKU and quantity, from the
    keyboard, a paste or a CSV / XLSX file, validated all at once, then turned
    into a draft quotation of the dealer.

    A row is a dict ``line`` (1-based line number of the input), ``sku``
    (str) or ``product_id`` (int), and ``qty`` (the quantity as typed). The
    product lookup, the archived / not sellable checks and the prices come
    from ``b2b.pricing.service.price_products`` (one query for all SKUs); the
    minimum quantities and multiples from ``b2b.order.rule``.
    """

    _name = "b2b.quick.order"
    _description = "Dealer Quick Order"

    # ------------------------------------------------------------------
    # Input
    # ------------------------------------------------------------------
    @api.model
    def _b2b_max_rows(self):
        return MAX_ROWS

    @api.model
    def _b2b_max_file_size(self):
        return MAX_FILE_SIZE

    @api.model
    def _b2b_check_row_count(self, count):
        if count > self._b2b_max_rows():
            raise UserError(
                self.env._(
                    "The file has %(count)s rows: at most %(max)s rows can be "
                    "ordered at once. Split it into several orders.",
                    count=count,
                    max=self._b2b_max_rows(),
                )
            )

    @api.model
    def _b2b_rows_from_table(self, table):
        """Rows from a list of cell lists (header line skipped, blank lines
        ignored, line numbers kept)."""
        rows = []
        # the SKU column title of the quick order page, in every installed
        # language (a file may come from a colleague with another language)
        headers = HEADERS | {
            self.with_context(lang=code).env._("SKU").lower()
            for code, _name in self.env["res.lang"].get_installed()
        }
        for number, cells in enumerate(table, start=1):
            cells = ["" if cell is None else cell for cell in cells]
            cells = [cell.strip() if isinstance(cell, str) else cell for cell in cells]
            while cells and cells[-1] == "":
                cells.pop()
            if not cells or all(cell == "" for cell in cells):
                continue
            sku = cells[0]
            if isinstance(sku, float) and sku.is_integer():
                sku = int(sku)
            sku = str(sku).strip()
            if not rows and sku.lower() in headers:
                continue
            qty = cells[1] if len(cells) > 1 else ""
            rows.append({"line": number, "sku": sku, "qty": qty})
        self._b2b_check_row_count(len(rows))
        return rows

    @api.model
    def _b2b_rows_from_text(self, text):
        """Rows pasted from a spreadsheet: one row a line, cells separated by
        tabs (or semicolons / commas)."""
        if not isinstance(text, str):
            return []
        table = []
        for raw in text.splitlines():
            if "\t" in raw:
                cells = raw.split("\t")
            elif ";" in raw:
                cells = raw.split(";")
            elif "," in raw:
                cells = raw.split(",")
            else:
                cells = raw.split()
            table.append(cells)
        return self._b2b_rows_from_table(table)

    @api.model
    def _b2b_rows_from_file(self, filename, content):
        """Rows of an uploaded CSV or XLSX file (bytes)."""
        if not isinstance(content, bytes) or not content:
            raise UserError(self.env._("The file is empty."))
        if len(content) > self._b2b_max_file_size():
            raise UserError(
                self.env._(
                    "The file is too large (%(size)s KB): the limit is %(max)s KB.",
                    size=len(content) // 1024,
                    max=self._b2b_max_file_size() // 1024,
                )
            )
        name = (filename or "").lower()
        if name.endswith(".xlsx"):
            return self._b2b_rows_from_table(self._b2b_read_xlsx(content))
        if name.endswith((".csv", ".txt")):
            return self._b2b_rows_from_table(self._b2b_read_csv(content))
        raise UserError(
            self.env._("Unsupported file type: upload a .csv or .xlsx file.")
        )

    @api.model
    def _b2b_read_csv(self, content):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UserError(self.env._("The CSV file must be encoded in UTF-8."))
        sample = text[:4096]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        table = []
        for cells in csv.reader(io.StringIO(text), dialect):
            table.append(cells)
            if len(table) > MAX_ROWS + 1:
                break
        return table

    @api.model
    def _b2b_read_xlsx(self, content):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except Exception as error:
            raise UserError(
                self.env._("The file is not a valid XLSX spreadsheet.")
            ) from error
        sheet = workbook.worksheets[0]
        table = []
        for cells in sheet.iter_rows(max_col=2, values_only=True):
            table.append(list(cells))
            if len(table) > MAX_ROWS + 1:
                break
        workbook.close()
        return table

    @api.model
    def _b2b_template_csv(self):
        """The downloadable template (CSV, UTF-8 with BOM for spreadsheets)."""
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow(["sku", "quantity"])
        writer.writerow(["SKU-001", "10"])
        return output.getvalue().encode("utf-8-sig")

    @api.model
    def _b2b_template_xlsx(self):
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["sku", "quantity"])
        sheet.append(["SKU-001", 10])
        output = io.BytesIO()
        workbook.save(output)
        return output.getvalue()

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    @api.model
    def _b2b_parse_qty(self, qty):
        if isinstance(qty, bool):
            return None
        if isinstance(qty, int | float):
            value = float(qty)
        elif isinstance(qty, str) and QTY_RE.match(qty.strip().replace(",", "")):
            value = float(qty.strip().replace(",", ""))
        else:
            return None
        return value if 0 < value < 1e9 else None

    @api.model
    def _b2b_validate(self, rows):
        """Validate the rows of the current dealer buyer.

        :returns: dict ``entries`` (one per product, duplicates merged, in
            input order; each ``lines``, ``sku``, ``qty``, ``quantity``,
            ``product``, ``name``, ``price_unit``, ``subtotal``, ``error``,
            ``warning``, ``next_break``: the pricing service's "N more for
            P", ``{quantity, price_unit}`` or None, ``availability``: see
            ``product.product._b2b_portal_availability``, None without a
            product), ``valid`` (count),
            ``invalid`` (count),
            ``amount``, ``currency`` (res.currency), ``messages`` (cart-wide
            warnings such as a minimum amount)
        """
        dealer = self._b2b_current_dealer()
        if not isinstance(rows, list | tuple):
            rows = []
        self._b2b_check_row_count(len(rows))
        entries, merged = [], {}
        for position, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                continue
            line = row.get("line") or position
            sku = row.get("sku")
            sku = str(sku).strip() if sku not in (None, False) else ""
            product_id = row.get("product_id")
            qty_raw = row.get("qty")
            entry = {
                "lines": [line],
                "sku": sku,
                "product_id": product_id if isinstance(product_id, int) else None,
                "qty": "" if qty_raw is None else str(qty_raw),
                "quantity": self._b2b_parse_qty(qty_raw),
                "product": self.env["product.product"],
                "name": "",
                "price_unit": 0.0,
                "subtotal": 0.0,
                "error": None,
                "warning": None,
                "next_break": None,
                "availability": None,
            }
            if not sku and not entry["product_id"]:
                entry["error"] = self.env._("The SKU is missing.")
            elif entry["quantity"] is None:
                entry["error"] = self.env._(
                    "The quantity %s is not a number greater than zero.",
                    entry["qty"] or '""',
                )
            if entry["error"]:
                entries.append(entry)
                continue
            key = ("id", entry["product_id"]) if entry["product_id"] else ("sku", sku)
            if key in merged:
                first = merged[key]
                first["lines"].append(line)
                first["quantity"] += entry["quantity"]
                first["qty"] = _fmt(first["quantity"])
                continue
            merged[key] = entry
            entries.append(entry)
        self._b2b_merge_same_products(dealer, entries)
        todo = [entry for entry in entries if not entry["error"]]
        result = self.env["b2b.pricing.service"].price_products(
            dealer.id,
            [
                {"product_id": entry["product_id"], "quantity": entry["quantity"]}
                if entry["product_id"]
                else {"sku": entry["sku"], "quantity": entry["quantity"]}
                for entry in todo
            ],
        )
        if result["error"] and not result["lines"]:
            raise UserError(result["error"])
        # sudo: the products the pricing service just resolved for the dealer
        Product = self.env["product.product"].sudo().with_context(active_test=False)
        currency = self.env["res.currency"].search(
            [("name", "=", result["currency"])], limit=1
        )
        for entry, priced in zip(todo, result["lines"], strict=True):
            if not priced["ok"]:
                entry["error"] = priced["error"]
                continue
            entry["product"] = Product.browse(priced["product_id"])
            entry["product_id"] = priced["product_id"]
            entry["sku"] = entry["sku"] or priced.get("sku") or ""
            entry["price_unit"] = priced["price_unit"]
            entry["subtotal"] = currency.round(priced["price_unit"] * entry["quantity"])
            entry["next_break"] = priced.get("next_break")
        messages = self._b2b_check_order_rules(dealer, entries, currency)
        valid = [entry for entry in entries if not entry["error"]]
        for entry in entries:
            # the SKU is in its own column: the name alone
            product = entry["product"].with_context(display_default_code=False)
            entry["name"] = product.display_name or ""
        self._b2b_add_availability(dealer, entries)
        return {
            "entries": entries,
            "valid": len(valid),
            "invalid": len(entries) - len(valid),
            "amount": sum(entry["subtotal"] for entry in valid),
            "currency": currency,
            "messages": messages,
        }

    @api.model
    def _b2b_add_availability(self, dealer, entries):
        """``availability`` of each entry with a product: what the dealer's
        own warehouses have of it (``product.product.
        _b2b_portal_availability``, one computation for all the rows)."""
        products = self.env["product.product"].sudo()
        for entry in entries:
            products |= entry["product"]
        # sudo: the dealer's own company, region and warehouses, read for the
        # availability rule (which answers for the dealer's warehouses only)
        company = dealer.sudo().company_id or self.env.company
        availability = products.with_company(company)._b2b_portal_availability(
            dealer.sudo(), company, self.env.user
        )
        for entry in entries:
            entry["availability"] = availability.get(entry["product"].id)

    @api.model
    def _b2b_merge_same_products(self, dealer, entries):
        """Merge the entries that name the same product in different ways
        (``e-com08`` and ``E-COM08``, a SKU and the product id of a catalogue
        row) into the first one, in place: one order line per product, its
        quantities added up (minimum quantities, multiples and breaks apply
        to the sum)."""
        todo = [entry for entry in entries if not entry["error"]]
        if len(todo) < 2:
            return
        company = dealer.company_id or self.env.company
        # sudo: the pricing service's own product lookup, read-only
        by_id, by_sku, ambiguous, _errors = (
            self.env["b2b.pricing.service"]
            .sudo()
            .with_company(company)
            ._b2b_find_products(
                [
                    {"product_id": entry["product_id"]}
                    if entry["product_id"]
                    else {"sku": entry["sku"]}
                    for entry in todo
                ]
            )
        )
        first, dropped = {}, []
        for entry in todo:
            if entry["product_id"]:
                product = by_id.get(entry["product_id"])
            elif entry["sku"] not in ambiguous:
                product = by_sku.get(entry["sku"])
            else:
                product = None
            if not product:
                continue
            # the product is known now: the pricing service needs no second
            # SKU lookup (it validates the product again, by id)
            entry["product_id"] = product.id
            kept = first.setdefault(product.id, entry)
            if kept is entry:
                continue
            kept["lines"] += entry["lines"]
            kept["quantity"] += entry["quantity"]
            kept["qty"] = _fmt(kept["quantity"])
            dropped.append(id(entry))
        entries[:] = [entry for entry in entries if id(entry) not in dropped]

    @api.model
    def _b2b_check_order_rules(self, dealer, entries, currency):
        """Minimum quantities and multiples per row (block = error, warn =
        warning); the cart-wide messages (minimum amount) are returned."""
        valid = [entry for entry in entries if not entry["error"]]
        cart = [
            {
                "key": index,
                "product": entry["product"],
                "quantity": entry["quantity"],
                "uom": entry["product"].uom_id,
            }
            for index, entry in enumerate(valid)
        ]
        if not cart:
            return []
        company = dealer.company_id or self.env.company
        amount = sum(entry["subtotal"] for entry in valid)
        # sudo: the order rules of the buyer's own dealer
        violations = (
            self.env["b2b.order.rule"]
            .sudo()
            ._b2b_check_cart(dealer.sudo(), cart, amount, currency, company)
        )
        messages = []
        for violation in violations:
            if not violation["keys"]:
                messages.append(violation["message"])
                continue
            for key in violation["keys"]:
                entry = valid[key]
                if violation["mode"] == "block":
                    entry["error"] = violation["message"]
                else:
                    entry["warning"] = violation["message"]
        return messages

    # ------------------------------------------------------------------
    # Typeahead
    # ------------------------------------------------------------------
    @api.model
    def _b2b_suggest_limit(self):
        return SUGGEST_LIMIT

    @api.model
    def _b2b_suggest(self, term, limit=None):
        """The products the current buyer may order whose SKU, name or
        barcode contain ``term`` (normalised like a SKU: full-width input of
        a Chinese input method is found too), SKUs starting with it first:
        a list of ``product_id``, ``sku``, ``name``, ``barcode``, ``uom``."""
        dealer = self._b2b_current_dealer()
        term = unicodedata.normalize("NFKC", term or "").strip()[:100]
        if len(term) < 2:
            return []
        limit = min(limit or self._b2b_suggest_limit(), SUGGEST_LIMIT)
        company = dealer.company_id or self.env.company
        # sudo: portal users do not read products; the search is restricted
        # to what the dealer may order (the rule of the quick order and API)
        Product = self.env["product.product"].sudo().with_company(company)
        orderable = Product._b2b_orderable_domain(company)
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        products = Product.search(
            [*orderable, ("default_code", "=ilike", f"{escaped}%")],
            order="default_code, id",
            limit=limit,
        )
        if len(products) < limit:
            products |= Product.search(
                [
                    *orderable,
                    ("id", "not in", products.ids),
                    "|",
                    "|",
                    ("default_code", "ilike", term),
                    ("name", "ilike", term),
                    ("barcode", "ilike", term),
                ],
                order="default_code, id",
                limit=limit - len(products),
            )
        return [
            {
                "product_id": product.id,
                "sku": product.default_code or "",
                "name": product.with_context(display_default_code=False).display_name,
                "barcode": product.barcode or "",
                "uom": product.uom_id.name,
            }
            for product in products
        ]

    # ------------------------------------------------------------------
    # Order
    # ------------------------------------------------------------------
    @api.model
    def _b2b_current_dealer(self):
        """The dealer of the current buyer (purchaser or admin), or raise."""
        user = self.env.user
        dealer = user._b2b_dealer()
        if (
            not user.share
            or not dealer
            or not (user._b2b_has_role("purchaser") or user._b2b_has_role("admin"))
        ):
            raise UserError(self.env._("Only the buyers of a dealer can order."))
        if not dealer.sudo().b2b_can_order:
            raise UserError(
                self.env._(
                    "%s is not an approved dealer: it cannot order.", dealer.name
                )
            )
        return dealer

    @api.model
    def _b2b_create_order(self, entries):
        """A draft quotation of the current buyer with the valid entries."""
        self._b2b_current_dealer()
        partner = self.env.user.partner_id
        lines = [entry for entry in entries if not entry["error"]]
        if not lines:
            raise UserError(self.env._("There is no valid row to order."))
        company = partner.commercial_partner_id.company_id or self.env.company
        # sudo: portal users may not create orders; the order is the current
        # buyer's own quotation, created through the ORM so that pricing,
        # credit and approval modules apply
        order = (
            self.env["sale.order"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    # the buyer submits the order instead of signing it
                    "require_signature": False,
                    "require_payment": False,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": entry["product"].id,
                                "product_uom_qty": entry["quantity"],
                            }
                        )
                        for entry in lines
                    ],
                }
            )
        )
        order.message_subscribe(partner_ids=partner.ids)
        return order.sudo(False)

    @api.model
    def _b2b_rows_from_products(self, lines):
        """Rows from (product, quantity) pairs (reorder, saved lists)."""
        return [
            {"line": number, "product_id": product.id, "qty": _fmt(quantity)}
            for number, (product, quantity) in enumerate(lines, start=1)
        ]


def _fmt(quantity):
    quantity = float_round(quantity, precision_digits=6)
    return str(int(quantity)) if float(quantity).is_integer() else str(quantity)
