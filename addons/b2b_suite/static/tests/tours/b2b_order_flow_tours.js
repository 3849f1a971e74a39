/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("b2b_order_submit_details", {
    steps: () => [
        {
            content: "A draft order: the status says so",
            trigger: "[name=b2b_order_status][data-status=draft]",
        },
        {
            content: "Type the PO number",
            trigger: "#b2b_client_order_ref",
            run: "edit PO-TOUR-1",
        },
        {
            content: "Choose the other delivery address",
            trigger: "#b2b_partner_shipping_id",
            run() {
                const select = document.querySelector("#b2b_partner_shipping_id");
                const other = [...select.options].find((o) =>
                    o.textContent.includes("North")
                );
                select.value = other.value;
                select.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "Ask for a delivery date",
            trigger: "#b2b_commitment_date",
            run() {
                const input = document.querySelector("#b2b_commitment_date");
                input.value = "2099-01-15";
                input.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "Submit the order",
            trigger: "#b2b_order_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It waits for the dealer's approver, and says so",
            trigger: "[name=b2b_order_status][data-status=waiting_dealer]",
        },
        {
            content: "No second submit while it waits",
            trigger: "#b2b_order_actions:not(:has(#b2b_order_submit))",
        },
        {
            content: "The PO number is shown",
            trigger: "#b2b_order_po:contains('PO-TOUR-1')",
        },
    ],
});

tours.add("b2b_order_refused_credit", {
    steps: () => [
        {
            content: "Submit an order above the available credit",
            trigger: "#b2b_order_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Refused at once, with the reason (no approver asked)",
            trigger: "#b2b_submit_refused:contains('cannot pass this step')",
        },
        {
            content: "The status says refused",
            trigger: "[name=b2b_order_status][data-status=refused]",
        },
        {
            content: "The lines can be changed to fix it",
            trigger: "#b2b_order_lines_editor details[open]",
        },
    ],
});

tours.add("b2b_order_edit_resubmit", {
    steps: () => [
        {
            content: "The order was rejected, with the approver's reason",
            trigger: "#b2b_status_reason:contains('Too many pumps')",
        },
        {
            content: "Open the lines",
            trigger: "#b2b_order_lines_editor summary",
            run: "click",
        },
        {
            content: "Order fewer pumps (still above the approval amount)",
            trigger: "[name=b2b_edit_line] input",
            run: "edit 4",
        },
        {
            content: "Update the lines",
            trigger: "#b2b_order_update_lines",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved",
            trigger: "#b2b_order_saved",
        },
        {
            content: "Submit again",
            trigger: "#b2b_order_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Waiting for the approver again",
            trigger: "[name=b2b_order_status][data-status=waiting_dealer]",
        },
        {
            content: "The timeline keeps both rounds",
            trigger: "#b2b_approval_timeline:has([name=b2b_approval_request][data-state=rejected]):has([name=b2b_approval_request][data-state=pending])",
        },
    ],
});

tours.add("b2b_order_approve_from_page", {
    steps: () => [
        {
            content: "The approver sees the order waiting for them",
            trigger: "[name=b2b_order_status][data-status=waiting_dealer]",
        },
        {
            content: "Comment",
            trigger: "[name=b2b_order_decision] textarea",
            run: "edit Fine for this month",
        },
        {
            content: "Approve from the order page",
            trigger: "[name=b2b_order_decision] [name=b2b_approve]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order moved on by itself: confirmed",
            trigger: "[name=b2b_order_status][data-status=confirmed]",
        },
    ],
});
