/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {registry} from "@web/core/registry";

/**
 * The quick order table fits the screen: every product name is shown, the
 * total is not clipped and nothing scrolls sideways (375 px phones too).
 */
function checkQuickOrderLayout() {
    return {
        content: "Product names and the total are visible, nothing scrolls sideways",
        trigger: "#b2b_quick_order_total",
        run() {
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) {
                throw new Error(
                    `Horizontal scroll: ${root.scrollWidth}px > ${root.clientWidth}px`
                );
            }
            const names = document.querySelectorAll(
                "tr[name='b2b_quick_order_row'] [name='b2b_qo_name']"
            );
            if (!names.length) {
                throw new Error("No product row");
            }
            for (const name of names) {
                const box = name.getBoundingClientRect();
                if (!name.textContent.trim() || box.width <= 0 || box.height <= 0) {
                    throw new Error(`Product name hidden: "${name.textContent}"`);
                }
                if (box.right > root.clientWidth + 1) {
                    throw new Error(`Product name clipped: "${name.textContent}"`);
                }
            }
            const total = document.querySelector("#b2b_quick_order_total");
            const box = total.getBoundingClientRect();
            if (box.width <= 0 || box.left < 0 || box.right > root.clientWidth + 1) {
                throw new Error(
                    `Total clipped: "${total.textContent.trim()}" at ${box.left}-${box.right}px`
                );
            }
            if (total.scrollWidth > total.clientWidth + 1) {
                throw new Error(`Total overflows: "${total.textContent.trim()}"`);
            }
        },
    };
}

function addRow(sku, qty) {
    return [
        {
            content: `Type ${sku}`,
            trigger: "#b2b_qo_sku",
            run: `edit ${sku}`,
        },
        {
            content: "Enter goes to the quantity",
            trigger: "#b2b_qo_sku",
            run: "press Enter",
        },
        {
            content: `Quantity ${qty}`,
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

registry.category("web_tour.tours").add("b2b_catalogue_add_to_order", {
    steps: () => [
        {
            content: "Show the products in stock only",
            trigger: "#b2b_catalogue_in_stock",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Only the products in stock are listed",
            trigger: "#b2b_catalogue:not(:has([name='b2b_out_of_stock'])):not(:has([name='b2b_on_order']))",
        },
        {
            content: "The cap shows its image, list and net price, and breaks",
            trigger:
                "[name='b2b_catalogue_product']:contains('B2B Cap'):has(img[name='b2b_catalogue_image']):has([name='b2b_list_price']):has([name='b2b_break_scope'])",
        },
        {
            content: "Five caps",
            trigger: "[name='b2b_catalogue_product']:contains('B2B Cap') input[name='qty']",
            run: "edit 5",
        },
        {
            content: "Add them to the order",
            trigger:
                "[name='b2b_catalogue_product']:contains('B2B Cap') button[name='b2b_catalogue_add_button']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The catalogue says what was added",
            trigger: "#b2b_catalogue_added:contains('Added 5 × B2B Cap')",
        },
        {
            content: "Review the order",
            trigger: "#b2b_catalogue_review",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The caps are a quick order row",
            trigger: "tr[name='b2b_quick_order_row']:contains('B2B Cap') input[value='B2B-CAP']",
        },
        {
            content: "Type the beginning of a SKU in lower case",
            trigger: "#b2b_qo_sku",
            run: "edit b2b-mu",
        },
        {
            content: "Choose the mug in the typeahead",
            trigger: "#b2b_qo_suggestions button[name='b2b_suggestion']:contains('B2B-MUG')",
            run: "click",
        },
        {
            content: "The quantity is next",
            trigger: "#b2b_qo_qty:focus",
            run: "edit 12",
        },
        {
            content: "Enter adds the row",
            trigger: "#b2b_qo_qty",
            run: "press Enter",
        },
        {
            content: "The mug row shows its unit price",
            trigger: "tr[name='b2b_quick_order_row']:contains('B2B Mug') [name='b2b_qo_subtotal']:contains('240.00')",
        },
        {
            content: "The total of both rows",
            trigger: "#b2b_quick_order_total:contains('490.00')",
        },
        checkQuickOrderLayout(),
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

registry.category("web_tour.tours").add("b2b_catalogue_quick_order_live", {
    steps: () => [
        ...addRow("b2b-shirt-red", "45"),
        {
            content: "The row shows the next break",
            trigger: "[name='b2b_qo_next_break']:contains('5 more for 60.00 each')",
        },
        {
            content: "Reach the break on the row itself",
            trigger: "tr[name='b2b_quick_order_row'] input[name^='qty_']",
            run: "edit 50",
        },
        {
            content: "The row is priced at the break as it is typed",
            trigger:
                "tr[name='b2b_quick_order_row']:not(:has([name='b2b_qo_next_break'])) [name='b2b_qo_subtotal']:contains('3,000.00')",
        },
        // full-width characters of a Chinese input method
        ...addRow("ｂ２ｂ－ｃａｐ", "5"),
        {
            content: "The full-width SKU is the cap",
            trigger: "tr[name='b2b_quick_order_row'] input[value='B2B-CAP']",
        },
        {
            content: "The total of the rows",
            trigger: "#b2b_quick_order_total:contains('3,250.00')",
        },
        checkQuickOrderLayout(),
    ],
});

registry.category("web_tour.tours").add("b2b_catalogue_list_edit", {
    steps: () => [
        {
            content: "The list is priced",
            trigger: "#b2b_list_total:contains('2,950.00')",
        },
        {
            content: "Fifty shirts",
            trigger: "tr[name='b2b_list_line']:contains('B2B-SHIRT-RED') input[name^='line_qty_']",
            run: "edit 50",
        },
        {
            content: "Remove the caps",
            trigger: "tr[name='b2b_list_line']:contains('B2B-CAP') input[name^='line_remove_']",
            run: "click",
        },
        {
            content: "Add a product by typing part of its SKU",
            trigger: "input[name='add_sku_0']",
            run: "edit b2b-m",
        },
        {
            content: "Choose the mug",
            trigger: "button[name='b2b_suggestion']:contains('B2B-MUG')",
            run: "click",
        },
        {
            content: "Its quantity",
            trigger: "input[name='add_qty_0']",
            run: "edit 6",
        },
        {
            content: "Save the changes",
            trigger: "#b2b_list_save_lines",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The list is saved and priced again: 50 x 60 + 6 x 20",
            trigger: "#b2b_list_saved ~ form #b2b_list_total:contains('3,120.00')",
        },
        {
            content: "Add the list to the order",
            trigger: "#b2b_list_order",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its lines are valid quick order rows",
            trigger: "#b2b_quick_order_valid",
        },
        checkQuickOrderLayout(),
    ],
});
