/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

// The smallest PNG (1 x 1 pixel): the server checks the file by its content.
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function setValue(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

function noHorizontalScroll() {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
        throw new Error(
            `The page is wider than the screen: ${document.documentElement.scrollWidth} > ${width}`
        );
    }
}

registry.category("web_tour.tours").add("b2b_finance_portal_declare_payment", {
    url: "/my",
    steps: () => [
        {
            content: "Open the payments from the home page",
            trigger: "a#b2b_payments_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Declare a payment",
            trigger: "a#b2b_payment_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form fits the screen",
            trigger: "#b2b_payment_form",
            run: noHorizontalScroll,
        },
        {
            content: "Amount",
            trigger: "#b2b_amount",
            run(helpers) {
                setValue(helpers.anchor, "300.00");
            },
        },
        {
            content: "Transfer date: yesterday",
            trigger: "#b2b_date",
            run(helpers) {
                const day = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
                setValue(helpers.anchor, day);
            },
        },
        {
            content: "Bank reference",
            trigger: "#b2b_bank_reference",
            run: "edit TOUR-REF-1",
        },
        {
            content: "Payer account",
            trigger: "#b2b_payer_account",
            run: "edit 6222 0000 9999",
        },
        {
            content: "Tick the invoice it pays (the last one due)",
            trigger: "label[name='b2b_payment_invoice']:last-child input",
            run: "click",
        },
        {
            content: "Attach the slip",
            trigger: "#b2b_slip_file",
            run(helpers) {
                const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "slip.png", {type: "image/png"}));
                helpers.anchor.files = transfer.files;
                helpers.anchor.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "Declare",
            trigger: "#b2b_payment_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The payment is declared and waits for finance",
            trigger: "#b2b_payment_declared",
        },
        {
            content: "It is in the list, waiting",
            trigger: "tr[name='b2b_payment_row'] [data-b2b-state='declared']",
            run: noHorizontalScroll,
        },
    ],
});

registry.category("web_tour.tours").add("b2b_finance_portal_confirm_statement", {
    url: "/my",
    steps: () => [
        {
            content: "The home page announces the statement to confirm",
            trigger: "#b2b_statements_waiting a[name='b2b_statement_waiting']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The statement lines are shown",
            trigger: "#b2b_snapshot_table tr[name='b2b_snapshot_line']",
            run: noHorizontalScroll,
        },
        {
            content: "Confirm the statement",
            trigger: "#b2b_statement_confirm",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It is confirmed, with who and when",
            trigger: "#b2b_statement_confirmed",
            run: noHorizontalScroll,
        },
    ],
});

registry.category("web_tour.tours").add("b2b_finance_portal_dispute_statement", {
    url: "/my/b2b/statements",
    steps: () => [
        {
            content: "Open the statement of the month",
            trigger: "tr[name='b2b_statement_row'] a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Tick the credit note line",
            trigger: "tr[name='b2b_snapshot_line']:contains('RINV') input[name='line_ids']",
            run: "click",
        },
        {
            content: "Say what is wrong",
            trigger: "#b2b_dispute_comment",
            run: "edit The credit note should be 120.",
        },
        {
            content: "Dispute",
            trigger: "#b2b_statement_dispute",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The statement is disputed, the line marked",
            trigger: "#b2b_statement_disputed",
        },
        {
            content: "The disputed line is marked and the page fits the screen",
            trigger: "tr[name='b2b_snapshot_line'] [name='b2b_line_disputed']",
            run: noHorizontalScroll,
        },
    ],
});

// Opened on the page of an order refused for its credit (see test_tours.py)
registry.category("web_tour.tours").add("b2b_finance_portal_pay_shortfall", {
    steps: () => [
        {
            content: "The refusal comes with the shortfall to pay",
            trigger: "#b2b_order_pay #b2b_order_shortfall[data-b2b-value='500.0']",
            run: noHorizontalScroll,
        },
        {
            content: "Pay the shortfall",
            trigger: "a#b2b_order_pay_shortfall",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The payment page asks the shortfall",
            trigger: "#b2b_pay_amount[data-b2b-value='500.0']",
            run: noHorizontalScroll,
        },
        {
            content: "Declare a bank transfer instead of paying online",
            trigger: "a#b2b_pay_declare",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form names the order and has the shortfall filled in",
            trigger: "#b2b_payment_order",
            run() {
                noHorizontalScroll();
                const amount = document.querySelector("#b2b_amount").value;
                if (parseFloat(amount) !== 500) {
                    throw new Error(`The amount is ${amount}, not the shortfall`);
                }
            },
        },
        {
            content: "Transfer date: yesterday",
            trigger: "#b2b_date",
            run(helpers) {
                const day = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
                setValue(helpers.anchor, day);
            },
        },
        {
            content: "Bank reference",
            trigger: "#b2b_bank_reference",
            run: "edit TOUR-SHORT-1",
        },
        {
            content: "Attach the slip",
            trigger: "#b2b_slip_file",
            run(helpers) {
                const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "slip.png", {type: "image/png"}));
                helpers.anchor.files = transfer.files;
                helpers.anchor.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "Declare",
            trigger: "#b2b_payment_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on the order: the transfer is declared",
            trigger: "#b2b_order_payment_declared",
            run: noHorizontalScroll,
        },
        {
            content: "It waits for finance, and no second payment is offered",
            trigger: "#b2b_order_payment_waiting [name='b2b_order_payment_pending']",
            run() {
                if (document.querySelector("#b2b_order_pay")) {
                    throw new Error("The pay options are still offered");
                }
            },
        },
    ],
});
