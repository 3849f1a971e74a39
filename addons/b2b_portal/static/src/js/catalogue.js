/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import publicWidget from "@web/legacy/js/public/public_widget";
import {SkuTypeahead} from "./sku_typeahead";

/** The catalogue's filters apply as soon as they change. */
publicWidget.registry.B2bCatalogueFilters = publicWidget.Widget.extend({
    selector: "#b2b_catalogue_filters",
    events: {
        "change select[name='categ']": "_onChange",
        "change input[name='in_stock']": "_onChange",
        "hidden.bs.dropdown [name='b2b_catalogue_attribute']": "_onAttributeClosed",
        "change input[name='attrib']": "_onAttributeChange",
    },

    _onChange() {
        this.el.requestSubmit();
    },

    _onAttributeChange() {
        this.attributesChanged = true;
    },

    _onAttributeClosed() {
        if (this.attributesChanged) {
            this.el.requestSubmit();
        }
    },
});

/** The rows that add products to a saved list propose products as typed. */
publicWidget.registry.B2bListTypeahead = publicWidget.Widget.extend({
    selector: "#b2b_list_form",
    events: {
        "keydown input[data-b2b-typeahead]": "_onKeydown",
    },

    start() {
        this.typeaheads = new Map();
        for (const input of this.el.querySelectorAll("input[data-b2b-typeahead]")) {
            this.typeaheads.set(
                input,
                new SkuTypeahead(input, {
                    onSelect: () => {
                        const qty = input.closest("tr").querySelector("input[name^='add_qty_']");
                        qty?.focus();
                        qty?.select();
                    },
                })
            );
        }
        return this._super(...arguments);
    },

    destroy() {
        for (const typeahead of this.typeaheads?.values() || []) {
            typeahead.destroy();
        }
        this._super(...arguments);
    },

    _onKeydown(ev) {
        const typeahead = this.typeaheads.get(ev.currentTarget);
        if (typeahead?.handleKeydown(ev)) {
            return;
        }
        if (ev.key === "Enter") {
            // Enter in a row of the form saves it only from the quantity
            ev.preventDefault();
            ev.currentTarget.closest("tr").querySelector("input[name^='add_qty_']")?.focus();
        }
    },
});
