/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {rpc} from "@web/core/network/rpc";

/**
 * Typeahead of the products a buyer may order, by SKU, name or barcode
 * (``/my/b2b/quick_order/suggest``), under a text input: arrow keys move,
 * Enter or a click chooses, Escape closes. The chosen product's SKU goes
 * into the input (its id in ``data-product-id`` when it has no SKU).
 */
export class SkuTypeahead {
    constructor(input, {menu = null, onSelect = null, delay = 200} = {}) {
        this.input = input;
        this.onSelect = onSelect;
        this.delay = delay;
        this.items = [];
        this.active = -1;
        this.timer = null;
        this.sequence = 0;
        this.menu = menu;
        if (!this.menu) {
            this.menu = document.createElement("div");
            this.menu.className = "dropdown-menu w-100 o_b2b_suggestions";
            this.menu.setAttribute("role", "listbox");
            if (!input.parentElement.classList.contains("position-relative")) {
                input.parentElement.classList.add("position-relative");
            }
            input.after(this.menu);
        }
        this._onInput = this._onInput.bind(this);
        this._onBlur = this._onBlur.bind(this);
        this._onMouseDown = (ev) => ev.preventDefault();
        this._onClick = this._onClick.bind(this);
        input.addEventListener("input", this._onInput);
        input.addEventListener("blur", this._onBlur);
        this.menu.addEventListener("mousedown", this._onMouseDown);
        this.menu.addEventListener("click", this._onClick);
    }

    destroy() {
        clearTimeout(this.timer);
        this.input.removeEventListener("input", this._onInput);
        this.input.removeEventListener("blur", this._onBlur);
        this.menu.removeEventListener("mousedown", this._onMouseDown);
        this.menu.removeEventListener("click", this._onClick);
    }

    get isOpen() {
        return this.menu.classList.contains("show");
    }

    close() {
        this.menu.classList.remove("show");
        this.input.setAttribute("aria-expanded", "false");
        this.active = -1;
    }

    _onInput() {
        delete this.input.dataset.productId;
        clearTimeout(this.timer);
        if (this.input.value.trim().length < 2) {
            this.sequence++;
            this.close();
            return;
        }
        this.timer = setTimeout(() => this._fetch(), this.delay);
    }

    _onBlur() {
        this.sequence++;
        this.close();
    }

    async _fetch() {
        const term = this.input.value.trim();
        const sequence = ++this.sequence;
        const items = await rpc("/my/b2b/quick_order/suggest", {term});
        if (
            sequence !== this.sequence ||
            document.activeElement !== this.input ||
            this.input.value.trim() !== term
        ) {
            return;
        }
        this._render(items || []);
    }

    _render(items) {
        this.items = items;
        this.active = -1;
        this.menu.replaceChildren();
        items.forEach((item, index) => {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "dropdown-item text-wrap";
            button.setAttribute("role", "option");
            button.dataset.index = String(index);
            button.setAttribute("name", "b2b_suggestion");
            if (item.sku) {
                const sku = document.createElement("span");
                sku.className = "fw-bold me-2";
                sku.textContent = item.sku;
                button.appendChild(sku);
            }
            const name = document.createElement("span");
            name.textContent = item.name;
            button.appendChild(name);
            if (item.barcode) {
                const barcode = document.createElement("span");
                barcode.className = "small text-muted ms-2";
                barcode.textContent = item.barcode;
                button.appendChild(barcode);
            }
            this.menu.appendChild(button);
        });
        const open = items.length > 0;
        this.menu.classList.toggle("show", open);
        this.input.setAttribute("aria-expanded", open ? "true" : "false");
    }

    _highlight(index) {
        const buttons = this.menu.querySelectorAll("button[name='b2b_suggestion']");
        this.active = (index + buttons.length) % buttons.length;
        buttons.forEach((button, position) => {
            button.classList.toggle("active", position === this.active);
        });
        buttons[this.active]?.scrollIntoView({block: "nearest"});
    }

    /**
     * Keyboard navigation in the list; returns true when the key was used.
     */
    handleKeydown(ev) {
        if (!this.isOpen) {
            return false;
        }
        if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
            ev.preventDefault();
            this._highlight(this.active + (ev.key === "ArrowDown" ? 1 : -1));
            return true;
        }
        if (ev.key === "Escape") {
            ev.preventDefault();
            this.close();
            return true;
        }
        if (ev.key === "Enter" && this.active >= 0) {
            ev.preventDefault();
            this._select(this.items[this.active]);
            return true;
        }
        if (ev.key === "Enter" || ev.key === "Tab") {
            this.sequence++;
            this.close();
        }
        return false;
    }

    _onClick(ev) {
        const button = ev.target.closest("button[name='b2b_suggestion']");
        if (button) {
            this._select(this.items[parseInt(button.dataset.index, 10)]);
        }
    }

    _select(item) {
        if (!item) {
            return;
        }
        this.sequence++;
        this.input.value = item.sku || item.name;
        if (item.sku) {
            delete this.input.dataset.productId;
        } else {
            this.input.dataset.productId = String(item.product_id);
        }
        this.close();
        this.onSelect?.(item);
    }
}
