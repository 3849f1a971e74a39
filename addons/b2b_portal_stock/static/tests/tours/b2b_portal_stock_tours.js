/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {registry} from "@web/core/registry";

const CAP = "[name='b2b_catalogue_product']:contains('B2B Cap')";

/**
 * A dealer purchaser of the East region: the catalogue shows the cap's
 * availability in the region's two warehouses only (East: 3, South: 4);
 * five caps are ordered, submitted, and the order page shows the line
 * shipped from both warehouses, one delivery each.
 */
registry.category("web_tour.tours").add("b2b_portal_stock_split_order", {
    steps: () => [
        {
            content: "The cap is available in the region's warehouses, in their order",
            trigger: `${CAP} [name='b2b_warehouses'] [name='b2b_warehouse']:first-child[data-code='BPE']:contains('3')`,
        },
        {
            content: "The South warehouse has four",
            trigger: `${CAP} [name='b2b_warehouse'][data-code='BPW']:contains('4')`,
        },
        {
            content: "Only the dealer's warehouses: not the main one",
            trigger: `${CAP}:not(:has([name='b2b_warehouse'][data-code='WH']))`,
        },
        {
            content: "Five caps",
            trigger: `${CAP} input[name='qty']`,
            run: "edit 5",
        },
        {
            content: "Add them to the order",
            trigger: `${CAP} button[name='b2b_catalogue_add_button']`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Review the order",
            trigger: "#b2b_catalogue_review",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The row shows the same availability",
            trigger:
                "tr[name='b2b_quick_order_row']:contains('B2B Cap') [name='b2b_warehouse'][data-code='BPE']",
        },
        {
            content: "Create the draft order",
            trigger: "#b2b_qo_create",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Submit the order",
            trigger: "#b2b_order_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order is confirmed",
            trigger: "#b2b_submit_confirmed",
        },
        {
            content: "The line ships from both warehouses",
            trigger:
                "[name='b2b_line_ships_from']:has([name='b2b_line_warehouse'][data-code='BPE']:contains('3')):has([name='b2b_line_warehouse'][data-code='BPW']:contains('2'))",
        },
        {
            content: "One delivery per warehouse, with its date and state",
            trigger:
                "#b2b_order_deliveries:has([name='b2b_warehouse_deliveries'][data-code='BPE'] [name='b2b_delivery_state']):has([name='b2b_warehouse_deliveries'][data-code='BPW'] [name='b2b_delivery_state'])",
        },
        {
            content: "Nothing scrolls sideways",
            trigger: "#b2b_order_deliveries",
            run() {
                const root = document.documentElement;
                if (root.scrollWidth > root.clientWidth) {
                    throw new Error(
                        `Horizontal scroll: ${root.scrollWidth}px > ${root.clientWidth}px`
                    );
                }
            },
        },
    ],
});
