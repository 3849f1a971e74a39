/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
//
// The invoice request form: mirrors the server's rule on screen (a ticked
// order takes all its lines; a line unticked makes the order partial) and
// sums the ticked lines' figures. The figures are the server's
// (b2b.invoice.request._b2b_portal_amounts): when a quantity changes, the
// script asks for them; it never computes an amount itself.
import publicWidget from "@web/legacy/js/public/public_widget";
import {rpc} from "@web/core/network/rpc";

function formatAmount(value, currency) {
    const lang = (document.documentElement.lang || "en-US").replace("_", "-");
    const digits = Number(currency.digits || 2);
    let number;
    try {
        number = new Intl.NumberFormat(lang, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
        }).format(value);
    } catch {
        number = Number(value).toFixed(digits);
    }
    return currency.position === "after"
        ? `${number}\u00a0${currency.symbol}`
        : `${currency.symbol}\u00a0${number}`;
}

publicWidget.registry.B2bInvoiceRequestForm = publicWidget.Widget.extend({
    selector: "#b2b_invoice_request_form",
    events: {
        "change input[name='order_ids']": "_onOrderChange",
        "change li[name='b2b_invoice_line'] input[type='checkbox']": "_onLineChange",
        "input li[name='b2b_invoice_line'] input[type='number']": "_onQtyInput",
    },

    start() {
        this.sequence = 0;
        this.pending = {};
        // the form shown again after an error: a ticked order ticks its lines
        for (const order of this.el.querySelectorAll("input[name='order_ids']")) {
            if (order.checked) {
                this._setLines(order, true);
            }
            this._syncOrder(order.value);
        }
        this.el.querySelector("#b2b_invoice_total").classList.remove("d-none");
        this._updateTotal();
        return this._super(...arguments);
    },

    destroy() {
        clearTimeout(this.timer);
        this._super(...arguments);
    },

    _lines(orderId) {
        return this.el.querySelectorAll(
            `li[name='b2b_invoice_line'][data-order-id='${orderId}']`
        );
    },

    _setLines(order, checked) {
        for (const li of this._lines(order.value)) {
            li.querySelector("input[type='checkbox']").checked = checked;
        }
    },

    _syncOrder(orderId) {
        const order = this.el.querySelector(`input[name='order_ids'][value='${orderId}']`);
        const boxes = [...this._lines(orderId)].map((li) =>
            li.querySelector("input[type='checkbox']")
        );
        const ticked = boxes.filter((box) => box.checked).length;
        order.checked = ticked > 0 && ticked === boxes.length;
        order.indeterminate = ticked > 0 && ticked < boxes.length;
    },

    _onOrderChange(ev) {
        this._setLines(ev.currentTarget, ev.currentTarget.checked);
        ev.currentTarget.indeterminate = false;
        this._updateTotal();
    },

    _onLineChange(ev) {
        this._syncOrder(ev.currentTarget.closest("li").dataset.orderId);
        this._updateTotal();
    },

    _onQtyInput(ev) {
        const li = ev.currentTarget.closest("li");
        this.pending[li.dataset.lineId] = ev.currentTarget.value;
        this.el.querySelector("#b2b_invoice_total").classList.add("opacity-50");
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this._fetchAmounts(), 300);
    },

    async _fetchAmounts() {
        const quantities = this.pending;
        this.pending = {};
        const sequence = ++this.sequence;
        let result;
        try {
            result = await rpc("/my/b2b/invoice_requests/amounts", {quantities});
        } catch {
            result = {error: true};
        }
        if (sequence !== this.sequence) {
            return;
        }
        for (const lineId of Object.keys(quantities)) {
            const li = this.el.querySelector(`li[name='b2b_invoice_line'][data-line-id='${lineId}']`);
            const input = li.querySelector("input[type='number']");
            const figures = !result.error && result.amounts[lineId];
            input.classList.toggle("is-invalid", !figures);
            if (figures) {
                const box = li.querySelector("[name='b2b_invoice_line_figures']");
                box.dataset.untaxed = figures.untaxed;
                box.dataset.total = figures.total;
                li.querySelector("[name='b2b_line_untaxed']").textContent = figures.untaxed_display;
                li.querySelector("[name='b2b_line_total']").textContent = figures.total_display;
            }
        }
        this._updateTotal();
    },

    _updateTotal() {
        const totals = new Map();
        let count = 0;
        for (const li of this.el.querySelectorAll("li[name='b2b_invoice_line']")) {
            if (!li.querySelector("input[type='checkbox']").checked) {
                continue;
            }
            count++;
            const box = li.querySelector("[name='b2b_invoice_line_figures']");
            const key = li.dataset.currencyId;
            const sum = totals.get(key) || {
                untaxed: 0,
                total: 0,
                currency: {
                    symbol: li.dataset.currencySymbol,
                    position: li.dataset.currencyPosition,
                    digits: li.dataset.currencyDigits,
                },
            };
            sum.untaxed += Number(box.dataset.untaxed || 0);
            sum.total += Number(box.dataset.total || 0);
            totals.set(key, sum);
        }
        const sums = [...totals.values()];
        const show = (field) =>
            sums.length ? sums.map((sum) => formatAmount(sum[field], sum.currency)).join(" + ") : "-";
        this.el.querySelector("#b2b_invoice_total_count").textContent = count;
        this.el.querySelector("#b2b_invoice_total_untaxed").textContent = show("untaxed");
        this.el.querySelector("#b2b_invoice_total_amount").textContent = show("total");
        this.el.querySelector("#b2b_invoice_total").classList.remove("opacity-50");
    },
});
