/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

// A salesperson who may approve dealers opens an application in the backend
// form, starts the review, goes through the licence checklist, picks the
// tier and approves: the dealer's form opens, approved.
registry.category("web_tour.tours").add("b2b_crm_backend_approval", {
    steps: () => [
        {
            content: "The application is new: start the review",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_b2b_review']",
            run: "click",
        },
        {
            content: "The application is under review",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Under Review')",
        },
        {
            content: "Only the steps of an application, not Odoo's plain stages",
            trigger: ".o_statusbar_status:not(:has(button:contains('Qualified')))",
        },
        {
            content: "The Dealer Application tab opens first",
            trigger: ".o_notebook a.nav-link.active[name='b2b_application']",
        },
        {
            content: "The licence number the applicant gave",
            trigger: "div[name='b2b_license_number'] input:value(LIC-TOUR)",
        },
        {
            content: "Tier of the new dealer",
            trigger: "div[name='b2b_tier_id'] input",
            run: "edit CRM Tier",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('CRM Tier')",
            run: "click",
        },
        {
            content: "Checklist: licence number checked",
            trigger: "div[name='b2b_check_number'] input[type='checkbox']",
            run: "click",
        },
        {
            content: "Checklist: expiry date valid",
            trigger: "div[name='b2b_check_expiry'] input[type='checkbox']",
            run: "click",
        },
        {
            content: "Checklist: licence document checked",
            trigger: "div[name='b2b_check_document'] input[type='checkbox']",
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_statusbar_buttons button[name='action_b2b_approve']",
            run: "click",
        },
        {
            content: "Confirm the creation of the dealer and the invitation",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The dealer's form opens: the company of the application",
            trigger: ".o_form_view div[name='name'] input:value(Tour Trading Co)",
        },
        {
            content: "The dealer is approved",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});
