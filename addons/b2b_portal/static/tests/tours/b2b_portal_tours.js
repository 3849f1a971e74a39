/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {registry} from "@web/core/registry";

function typeSku(sku, qty) {
    return [
        {
            content: `Type the SKU ${sku}`,
            trigger: "#b2b_qo_sku",
            run: `edit ${sku}`,
        },
        {
            content: "Enter goes to the quantity",
            trigger: "#b2b_qo_sku",
            run: "press Enter",
        },
        {
            content: `Type the quantity ${qty}`,
            trigger: "#b2b_qo_qty:focus",
            run: `edit ${qty}`,
        },
        {
            content: "Enter adds the row",
            trigger: "#b2b_qo_qty",
            run: "press Enter",
        },
    ];
}

registry.category("web_tour.tours").add("b2b_portal_quick_order_keyboard", {
    steps: () => [
        ...typeSku("B2B-CAP", "5"),
        {
            content: "The cap is in the table with its price",
            trigger: "#b2b_quick_order_table td:contains('B2B Cap')",
        },
        {
            content: "The SKU field is ready for the next row",
            trigger: "#b2b_qo_sku:focus",
        },
        ...typeSku("B2B-MUG", "12"),
        {
            content: "The mug is in the table",
            trigger: "#b2b_quick_order_table td:contains('B2B Mug')",
        },
        ...typeSku("B2B-NOPE", "1"),
        {
            content: "An unknown SKU is reported and not added",
            trigger: "#b2b_qo_feedback:contains('Unknown product B2B-NOPE')",
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
    ],
});

registry.category("web_tour.tours").add("b2b_portal_upload_bad_row", {
    steps: () => [
        {
            content: "Choose a CSV file with a bad row",
            trigger: "#b2b_qo_upload",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(
                        ["sku,quantity\nB2B-CAP,5\nB2B-NOPE,2\nB2B-MUG,6\n"],
                        "order.csv",
                        {type: "text/csv"}
                    )
                );
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Check the rows",
            trigger: "#b2b_qo_check",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The bad row is shown with its line number",
            trigger:
                "tr[name='b2b_quick_order_row_error']:contains('Line 3:'):contains('Unknown product B2B-NOPE')",
        },
        {
            content: "Nothing is created: continue with the valid rows",
            trigger: "#b2b_qo_create_valid",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The draft order can be submitted",
            trigger: "#b2b_order_submit",
        },
    ],
});

registry.category("web_tour.tours").add("b2b_portal_reorder", {
    steps: () => [
        {
            content: "Order again",
            trigger: "#b2b_order_reorder",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The archived product is reported",
            trigger: "tr[name='b2b_quick_order_row_error']:contains('archived')",
        },
        {
            content: "Continue with the available products",
            trigger: "#b2b_qo_create_valid",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new draft order can be submitted",
            trigger: "#b2b_order_submit",
        },
    ],
});

registry.category("web_tour.tours").add("b2b_portal_no_horizontal_scroll", {
    steps: () => [
        {
            content: "The page is rendered",
            trigger: "#wrap",
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
