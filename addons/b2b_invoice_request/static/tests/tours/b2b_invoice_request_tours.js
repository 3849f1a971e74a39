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
            content: "Tick the caps",
            trigger: "li[name='b2b_invoice_line']:contains('B2B Cap') input[type='checkbox']",
            run: "click",
        },
        {
            content: "Request 3 of the 4 delivered caps",
            trigger: "li[name='b2b_invoice_line']:contains('B2B Cap') input[type='number']",
            run: "edit 3",
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
    ],
});
