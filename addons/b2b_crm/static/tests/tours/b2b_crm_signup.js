/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

// The applicant follows the link of Odoo's portal invitation: sets a
// password and lands on the portal home of its dealer.
registry.category("web_tour.tours").add("b2b_crm_applicant_signup", {
    steps: () => [
        {
            content: "The invitation's sign-up page knows the applicant",
            trigger: ".oe_signup_form input[name='login']:value(tour.applicant@tour-trading.example.com)",
        },
        {
            trigger: ".oe_signup_form input[name='password']",
            run: "edit Applicant-Pw-2026",
        },
        {
            trigger: ".oe_signup_form input[name='confirm_password']",
            run: "edit Applicant-Pw-2026",
        },
        {
            content: "Sign up",
            trigger: ".oe_signup_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The portal home of the dealer's admin buyer",
            trigger: ".o_portal_my_home",
        },
        {
            content: "Signed in as the applicant",
            trigger: "header:contains('Tour Applicant')",
        },
    ],
});
