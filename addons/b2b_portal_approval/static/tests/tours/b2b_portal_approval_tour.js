/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("b2b_portal_approval_approve", {
    url: "/my",
    steps: () => [
        {
            content: "The home page card counts the orders waiting for me",
            trigger: "#b2b_approval_count:not(:has(.spinner-border)):contains(2)",
        },
        {
            content: "Open the approvals from the home page card",
            trigger: "#b2b_approval_card a[href='/my/b2b/approvals']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Write a comment on the first order waiting for approval",
            trigger: "div[name='b2b_approval_item']:first textarea[name='comment']",
            run: "edit Approved in the tour",
        },
        {
            content: "Approve it",
            trigger: "div[name='b2b_approval_item']:first button[name='b2b_approve']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The approval is confirmed",
            trigger: "#b2b_approval_message.alert-success",
        },
    ],
});
