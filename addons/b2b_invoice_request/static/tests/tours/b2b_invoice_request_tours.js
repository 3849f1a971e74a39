/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

function noHorizontalScroll() {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
        throw new Error(
            `The page is wider than the screen: ${document.documentElement.scrollWidth} > ${width}`
        );
    }
}

/** The digits of an amount (the server and the script place the symbol alike). */
function digits(text) {
    return text.replace(/[^0-9.]/g, "");
}

/** The form's total, kept over the page loads of the tour. */
const TOTAL_KEY = "b2b_invoice_request_tour_total";

registry.category("web_tour.tours").add("b2b_invoice_request_request", {
    url: "/my",
    steps: () => [
        {
            content: "Open the invoice requests from the home page",
            trigger: "a#b2b_invoice_requests_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Request an invoice",
            trigger: "a#b2b_invoice_request_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form lists the delivered lines and fits the screen",
            trigger: "#b2b_invoice_request_form li[name='b2b_invoice_line']",
            run: noHorizontalScroll,
        },
        {
            content: "Tick the whole order",
            trigger: "#b2b_invoice_request_form input[name='order_ids']",
            run: "click",
        },
        {
            content: "Its lines are ticked on screen, the total counts them",
            trigger: "#b2b_invoice_total_count:contains(2)",
            run() {
                const boxes = document.querySelectorAll(
                    "li[name='b2b_invoice_line'] input[type='checkbox']"
                );
                if (![...boxes].every((box) => box.checked)) {
                    throw new Error("Ticking the order did not tick its lines");
                }
            },
        },
        {
            content: "Untick the mugs",
            trigger: "li[name='b2b_invoice_line']:contains('B2B Mug') input[type='checkbox']",
            run: "click",
        },
        {
            content: "The order is partial now",
            trigger: "#b2b_invoice_total_count:contains(1)",
            run() {
                const order = document.querySelector("input[name='order_ids']");
                if (order.checked || !order.indeterminate) {
                    throw new Error("A line unticked leaves the order ticked");
                }
            },
        },
        {
            content: "Request 3 of the 4 delivered caps",
            trigger: "li[name='b2b_invoice_line']:contains('B2B Cap') input[type='number']",
            run: "edit 3",
        },
        {
            content: "The total shows the server's figures of 3 caps",
            trigger: "#b2b_invoice_total:not(.opacity-50)",
            run() {
                const cap = [...document.querySelectorAll("li[name='b2b_invoice_line']")].find(
                    (li) => li.textContent.includes("B2B Cap")
                );
                const line = cap.querySelector("[name='b2b_line_total']").textContent;
                const shownTotal = document.querySelector("#b2b_invoice_total_amount").textContent;
                sessionStorage.setItem(TOTAL_KEY, shownTotal);
                if (digits(line) !== digits(shownTotal)) {
                    throw new Error(`The total ${shownTotal} is not the line's ${line}`);
                }
            },
        },
        {
            content: "A note for finance",
            trigger: "#b2b_invoice_note",
            run: "edit Invoice with the March delivery",
        },
        {
            content: "Request the invoice",
            trigger: "#b2b_invoice_request_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is sent",
            trigger: "#b2b_invoice_requested",
        },
        {
            content: "Open it from the list",
            trigger: "tr[name='b2b_invoice_request_row'] [data-b2b-state='requested']",
            run: noHorizontalScroll,
        },
        {
            content: "Open the request",
            trigger: "tr[name='b2b_invoice_request_row'] a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request shows its line and fits the screen",
            trigger: "#b2b_invoice_request_lines tr[name='b2b_invoice_request_line']",
            run: noHorizontalScroll,
        },
        {
            content: "Its amount is the total the form showed",
            trigger: "#b2b_invoice_request_amount",
            run() {
                const amount = document.querySelector("#b2b_invoice_request_amount").textContent;
                const shownTotal = sessionStorage.getItem(TOTAL_KEY);
                if (!shownTotal || digits(amount) !== digits(shownTotal)) {
                    throw new Error(`The request's ${amount} is not the form's ${shownTotal}`);
                }
            },
        },
    ],
});
