/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

/**
 * Set a date input the way the browser's date picker does (typing in a date
 * input depends on the browser's locale).
 */
function setDate(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

registry.category("web_tour.tours").add("b2b_portal_credit_statement_download", {
    url: "/my",
    steps: () => [
        {
            content: "Open the statement from the credit card of the home page",
            trigger: "#b2b_credit_card a#b2b_credit_statement_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Pick the start of the period",
            trigger: "#b2b_statement_form input[name='date_from']",
            run(helpers) {
                setDate(helpers.anchor, "2026-02-01");
            },
        },
        {
            content: "Pick the end of the period",
            trigger: "#b2b_statement_form input[name='date_to']",
            run(helpers) {
                setDate(helpers.anchor, "2026-02-28");
            },
        },
        {
            content: "Show the statement of the period",
            trigger: "#b2b_statement_show",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The statement of February is shown",
            trigger: "#b2b_statement_table tr[name='b2b_statement_line']",
        },
        {
            content: "Download the PDF of the period",
            trigger:
                "a#b2b_statement_pdf[href*='date_from=2026-02-01'][href*='date_to=2026-02-28']",
            async run(helpers) {
                const response = await fetch(helpers.anchor.getAttribute("href"));
                const type = response.headers.get("Content-Type");
                if (!response.ok || type !== "application/pdf") {
                    throw new Error(`Statement PDF not returned: ${response.status} ${type}`);
                }
            },
        },
    ],
});
