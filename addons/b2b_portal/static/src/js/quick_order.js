/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import publicWidget from "@web/legacy/js/public/public_widget";
import {rpc} from "@web/core/network/rpc";
import {_t} from "@web/core/l10n/translation";
import {SkuTypeahead} from "./sku_typeahead";

/** A price as the server's float widget shows it (2 decimals, grouped). */
export function formatPrice(value) {
    const lang = (document.documentElement.lang || "en-US").replace("_", "-");
    try {
        return new Intl.NumberFormat(lang, {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
        }).format(value);
    } catch {
        return Number(value).toFixed(2);
    }
}

export function formatQuantity(value) {
    return String(Math.round(value * 1e6) / 1e6);
}

publicWidget.registry.B2bQuickOrder = publicWidget.Widget.extend({
    selector: "#b2b_quick_order_form",
    events: {
        "keydown #b2b_qo_sku": "_onSkuKeydown",
        "keydown #b2b_qo_qty": "_onQtyKeydown",
        "click #b2b_qo_add": "_onAdd",
        "input #b2b_quick_order_table input[type='text']": "_onRowInput",
        "change #b2b_quick_order_table input[type='checkbox']": "_onRowInput",
    },

    start() {
        this.skuInput = this.el.querySelector("#b2b_qo_sku");
        this.qtyInput = this.el.querySelector("#b2b_qo_qty");
        this.feedback = this.el.querySelector("#b2b_qo_feedback");
        this.tbody = this.el.querySelector("#b2b_quick_order_table tbody");
        this.summary = this.el.querySelector("#b2b_quick_order_summary");
        this.total = this.el.querySelector("#b2b_quick_order_total");
        this.priceSequence = 0;
        this.typeahead = new SkuTypeahead(this.skuInput, {
            menu: this.el.querySelector("#b2b_qo_suggestions"),
            onSelect: () => {
                this.qtyInput.focus();
                this.qtyInput.select();
            },
        });
        return this._super(...arguments);
    },

    destroy() {
        this.typeahead?.destroy();
        clearTimeout(this.priceTimer);
        this._super(...arguments);
    },

    _onSkuKeydown(ev) {
        if (this.typeahead.handleKeydown(ev)) {
            return;
        }
        if (ev.key === "Enter") {
            ev.preventDefault();
            if (this.skuInput.value.trim()) {
                this.qtyInput.focus();
                this.qtyInput.select();
            }
        }
    },

    _onQtyKeydown(ev) {
        if (ev.key === "Enter") {
            ev.preventDefault();
            this._onAdd();
        }
    },

    _nextIndex() {
        let index = 0;
        for (const input of this.el.querySelectorAll("input[name^='sku_']")) {
            index = Math.max(index, parseInt(input.name.slice(4), 10) + 1);
        }
        return index;
    },

    async _onAdd() {
        const sku = this.skuInput.value.trim();
        const qty = this.qtyInput.value.trim() || "1";
        if (!sku) {
            this.skuInput.focus();
            return;
        }
        const productId = parseInt(this.skuInput.dataset.productId, 10);
        const params = productId ? {product_id: productId, qty} : {sku, qty};
        const result = await rpc("/my/b2b/quick_order/lookup", params);
        this.feedback.classList.toggle("text-danger", !result.ok);
        this.feedback.classList.toggle("text-success", result.ok);
        if (!result.ok) {
            this.feedback.textContent = result.error;
            this.skuInput.focus();
            this.skuInput.select();
            return;
        }
        this._addRow(result);
        this.feedback.textContent = _t("Added: %(name)s", {name: result.name});
        this.skuInput.value = "";
        delete this.skuInput.dataset.productId;
        this.qtyInput.value = "";
        this.skuInput.focus();
        this._schedulePrice(0);
    },

    _addRow(result) {
        const index = this._nextIndex();
        const row = document.createElement("tr");
        row.setAttribute("name", "b2b_quick_order_row");
        row.dataset.key = String(index);
        const cell = (className = "", name = "") => {
            const td = document.createElement("td");
            td.className = className;
            if (name) {
                td.setAttribute("name", name);
            }
            return td;
        };
        const input = (name, value, type = "text") => {
            const el = document.createElement("input");
            el.type = type;
            el.name = name;
            el.value = value;
            // as the server renders it (the attribute is the row's SKU)
            el.setAttribute("value", value);
            if (type === "text") {
                el.className = "form-control form-control-sm";
                el.autocomplete = "off";
            }
            return el;
        };
        const div = (className, name, text = "") => {
            const el = document.createElement("div");
            el.className = className;
            el.setAttribute("name", name);
            el.textContent = text;
            return el;
        };
        const lineCell = cell("text-nowrap d-none d-sm-table-cell", "b2b_qo_line");
        const lineLabel = document.createElement("span");
        lineLabel.textContent = String(index + 1);
        lineCell.append(input(`line_${index}`, String(index + 1), "hidden"), lineLabel);
        const skuCell = cell("o_b2b_qo_sku");
        const skuInput = input(`sku_${index}`, result.sku || "");
        skuInput.setAttribute("aria-label", _t("SKU"));
        skuCell.appendChild(skuInput);
        if (!result.sku && result.product_id) {
            skuCell.appendChild(input(`pid_${index}`, String(result.product_id), "hidden"));
        }
        skuCell.appendChild(div("small text-muted text-break", "b2b_qo_name", result.name));
        const qtyCell = cell("o_b2b_qo_qty");
        const qtyInput = input(`qty_${index}`, result.qty);
        qtyInput.inputMode = "decimal";
        qtyInput.setAttribute("aria-label", _t("Quantity"));
        qtyCell.appendChild(qtyInput);
        const priceCell = cell("text-end text-nowrap d-none d-md-table-cell", "b2b_qo_price");
        const subtotalCell = cell("text-end", "b2b_qo_subtotal");
        const dropCell = cell();
        const drop = input(`drop_${index}`, "1", "checkbox");
        drop.className = "form-check-input";
        drop.setAttribute("aria-label", _t("Drop this row"));
        dropCell.appendChild(drop);
        row.append(lineCell, skuCell, qtyCell, priceCell, subtotalCell, dropCell);
        this.tbody.appendChild(row);
        this._renderRow(row, result);
    },

    // ------------------------------------------------------------------
    // Live pricing of the rows, as they are typed
    // ------------------------------------------------------------------
    _onRowInput() {
        this._schedulePrice(500);
    },

    _schedulePrice(delay) {
        clearTimeout(this.priceTimer);
        this.priceTimer = setTimeout(() => this._price(), delay);
    },

    _rows() {
        return [...this.tbody.querySelectorAll("tr[name='b2b_quick_order_row']")];
    },

    _collect() {
        const rows = [];
        for (const row of this._rows()) {
            const index = parseInt(row.dataset.key, 10);
            if (row.querySelector(`input[name='drop_${index}']`)?.checked) {
                continue;
            }
            const value = (name) =>
                row.querySelector(`input[name='${name}_${index}']`)?.value.trim() || "";
            const data = {key: index + 1, sku: value("sku"), qty: value("qty")};
            const pid = parseInt(value("pid"), 10);
            if (!data.sku && pid) {
                data.product_id = pid;
            }
            rows.push(data);
        }
        return rows;
    },

    async _price() {
        const sequence = ++this.priceSequence;
        const result = await rpc("/my/b2b/quick_order/price", {rows: this._collect()});
        if (sequence !== this.priceSequence || !result.ok) {
            return;
        }
        for (const row of this._rows()) {
            const index = parseInt(row.dataset.key, 10);
            const dropped = row.querySelector(`input[name='drop_${index}']`)?.checked;
            this._renderRow(row, dropped ? {dropped: true} : result.rows[String(index + 1)]);
        }
        this.total.textContent = `${formatPrice(result.amount)} ${result.currency}`;
        this.summary.classList.toggle("d-none", !result.valid);
    },

    _lineLabel(row) {
        const index = parseInt(row.dataset.key, 10);
        return row.querySelector(`input[name='line_${index}']`)?.value || String(index + 1);
    },

    _renderRow(row, data) {
        data = data || {};
        const name = row.querySelector("[name='b2b_qo_name']");
        const price = row.querySelector("[name='b2b_qo_price']");
        const subtotal = row.querySelector("[name='b2b_qo_subtotal']");
        price.textContent = "";
        subtotal.replaceChildren();
        row.classList.toggle("table-danger", Boolean(data.error));
        row.classList.toggle("table-warning", Boolean(!data.error && data.warning));
        row.classList.toggle("text-muted", Boolean(data.dropped || data.merged_into));
        if (data.merged_into) {
            const first = this._rows().find(
                (other) => parseInt(other.dataset.key, 10) + 1 === data.merged_into
            );
            name.textContent = _t("Added to line %(line)s", {
                line: first ? this._lineLabel(first) : data.merged_into,
            });
        } else if (!data.dropped) {
            name.textContent = data.name || "";
        }
        this._renderAvailability(row, data.merged_into || data.dropped ? null : data);
        if (data.ok) {
            price.textContent = formatPrice(data.price_unit);
            const value = document.createElement("div");
            value.className = "text-nowrap";
            value.setAttribute("name", "b2b_qo_subtotal_value");
            value.textContent = formatPrice(data.subtotal);
            const small = document.createElement("div");
            small.className = "small text-muted text-nowrap d-md-none";
            small.setAttribute("name", "b2b_qo_price_small");
            small.textContent = `@ ${formatPrice(data.price_unit)}`;
            subtotal.append(value, small);
            if (data.next_break) {
                const hint = document.createElement("div");
                hint.className = "small text-success";
                hint.setAttribute("name", "b2b_qo_next_break");
                hint.textContent = _t("%(quantity)s more for %(price)s each", {
                    quantity: formatQuantity(data.next_break.quantity),
                    price: formatPrice(data.next_break.price_unit),
                });
                subtotal.appendChild(hint);
            }
        }
        this._renderMessage(row, data.error || data.warning, Boolean(data.error));
    },

    /**
     * What the dealer's warehouses have of the row's product, as the server
     * renders it (b2b_portal.portal_availability): one chip per warehouse,
     * the next incoming, "notify me" when it is out.
     */
    _renderAvailability(row, data) {
        const name = row.querySelector("[name='b2b_qo_name']");
        row.querySelector("[name='b2b_availability']")?.remove();
        const avail = data?.availability;
        if (!avail || !name) {
            return;
        }
        const box = document.createElement("div");
        box.className = "o_b2b_availability small";
        box.setAttribute("name", "b2b_availability");
        box.dataset.state = avail.state;
        const icon = (cls) => {
            const i = document.createElement("i");
            i.className = `fa ${cls}`;
            return i;
        };
        const span = (className, attrName, text) => {
            const el = document.createElement("span");
            el.className = className;
            if (attrName) {
                el.setAttribute("name", attrName);
            }
            el.textContent = text;
            return el;
        };
        if (avail.state === "none") {
            const el = span("text-muted", "b2b_on_order", " " + _t("Available on order"));
            el.prepend(icon("fa-truck"));
            box.appendChild(el);
            name.after(box);
            return;
        }
        if (avail.state === "out") {
            const el = span(
                "text-danger fw-semibold",
                "b2b_out_of_stock",
                " " + _t("Out of stock in your warehouses")
            );
            el.prepend(icon("fa-times"));
            box.appendChild(el);
        } else {
            const list = document.createElement("div");
            list.className = "d-flex flex-wrap gap-1 align-items-center";
            list.setAttribute("name", "b2b_warehouses");
            const classes = {
                in: "bg-success-subtle text-success-emphasis border-success-subtle",
                low: "bg-warning-subtle text-warning-emphasis border-warning-subtle",
            };
            for (const wh of avail.warehouses) {
                const chip = span(
                    `badge border fw-normal text-wrap ${classes[wh.state] || "bg-light text-muted"}`,
                    "b2b_warehouse",
                    ""
                );
                chip.title = wh.name;
                chip.dataset.code = wh.code;
                chip.dataset.state = wh.state;
                chip.append(
                    span("fw-semibold", "", wh.code),
                    " ",
                    span("", "b2b_warehouse_display", wh.display)
                );
                list.appendChild(chip);
            }
            box.appendChild(list);
        }
        if (avail.incoming) {
            const incoming = document.createElement("div");
            incoming.className = "text-muted";
            incoming.setAttribute("name", "b2b_incoming");
            incoming.append(icon("fa-calendar"), ` ${avail.incoming}`);
            box.appendChild(incoming);
        }
        if (avail.state === "out" && data.product_id) {
            if (avail.subscribed) {
                const link = document.createElement("a");
                link.href = "/my/b2b/stock_alerts";
                link.className = "d-inline-block text-info ms-2";
                link.setAttribute("name", "b2b_subscribed");
                link.append(icon("fa-bell"), " " + _t("We will tell you when it is back"));
                box.appendChild(link);
            } else {
                const button = document.createElement("button");
                button.type = "submit";
                button.className = "btn btn-link btn-sm p-0 ms-2 text-start align-baseline";
                button.name = "product";
                button.value = String(data.product_id);
                button.setAttribute(
                    "formaction",
                    "/my/b2b/stock_alerts/subscribe?redirect=/my/b2b/quick_order"
                );
                button.formNoValidate = true;
                button.append(icon("fa-bell-o"), " " + _t("Notify me when back in stock"));
                box.appendChild(button);
            }
        }
        name.after(box);
    },

    _renderMessage(row, message, isError) {
        let next = row.nextElementSibling;
        if (next?.getAttribute("name") !== "b2b_quick_order_row_error") {
            next = null;
        }
        if (!message) {
            next?.remove();
            return;
        }
        if (!next) {
            next = document.createElement("tr");
            next.setAttribute("name", "b2b_quick_order_row_error");
            next.appendChild(document.createElement("td"));
            row.after(next);
        }
        const td = next.firstElementChild;
        td.colSpan = 6;
        td.className = `${isError ? "text-danger" : "text-warning"} small text-break`;
        td.textContent = _t("Line %(line)s: %(message)s", {
            line: this._lineLabel(row),
            message,
        });
    },
});

export default publicWidget.registry.B2bQuickOrder;
