/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import publicWidget from "@web/legacy/js/public/public_widget";
import {rpc} from "@web/core/network/rpc";
import {_t} from "@web/core/l10n/translation";

publicWidget.registry.B2bQuickOrder = publicWidget.Widget.extend({
    selector: "#b2b_quick_order_form",
    events: {
        "keydown #b2b_qo_sku": "_onSkuKeydown",
        "keydown #b2b_qo_qty": "_onQtyKeydown",
        "click #b2b_qo_add": "_onAdd",
    },

    start() {
        this.skuInput = this.el.querySelector("#b2b_qo_sku");
        this.qtyInput = this.el.querySelector("#b2b_qo_qty");
        this.feedback = this.el.querySelector("#b2b_qo_feedback");
        this.tbody = this.el.querySelector("#b2b_quick_order_table tbody");
        return this._super(...arguments);
    },

    _onSkuKeydown(ev) {
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
        const result = await rpc("/my/b2b/quick_order/lookup", {sku, qty});
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
        this.qtyInput.value = "";
        this.skuInput.focus();
    },

    _addRow(result) {
        const index = this._nextIndex();
        const row = document.createElement("tr");
        row.setAttribute("name", "b2b_quick_order_row");
        const cell = (content) => {
            const td = document.createElement("td");
            if (content instanceof Node) {
                td.appendChild(content);
            } else {
                td.textContent = content;
            }
            return td;
        };
        const input = (name, value, type = "text") => {
            const el = document.createElement("input");
            el.type = type;
            el.name = name;
            el.value = value;
            if (type === "text") {
                el.className = "form-control form-control-sm";
            }
            return el;
        };
        const lineCell = cell(String(index + 1));
        lineCell.appendChild(input(`line_${index}`, String(index + 1), "hidden"));
        const drop = input(`drop_${index}`, "1", "checkbox");
        drop.className = "form-check-input";
        const nameCell = cell(result.name);
        nameCell.className = "d-none d-md-table-cell text-break";
        const subtotalCell = cell(
            `${result.subtotal.toFixed(2)} ${result.currency}`
        );
        subtotalCell.className = "text-end text-nowrap";
        row.append(
            lineCell,
            cell(input(`sku_${index}`, result.sku)),
            cell(input(`qty_${index}`, result.qty)),
            nameCell,
            subtotalCell,
            cell(drop)
        );
        this.tbody.appendChild(row);
    },
});

export default publicWidget.registry.B2bQuickOrder;
