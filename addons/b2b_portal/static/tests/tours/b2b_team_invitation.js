/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

const PENDING_ROW =
    "#b2b_team_table tr[name='b2b_team_row']:has([data-b2b-status='pending']):contains('Pending Colleague')";

registry.category("web_tour.tours").add("b2b_team_invitation_resend", {
    url: "/my/b2b/team",
    steps: () => [
        {
            content: "The invited colleague is shown as pending, with the e-mail",
            trigger: `${PENDING_ROW}:contains('@example.com')`,
        },
        {
            content: "The page fits the screen (no horizontal scroll)",
            trigger: "#b2b_team_table",
            run() {
                const width = document.documentElement.scrollWidth;
                if (width > window.innerWidth + 1) {
                    throw new Error(
                        `The team page scrolls horizontally: ${width} > ${window.innerWidth}`
                    );
                }
            },
        },
        {
            content: "Resend the invitation",
            trigger: `${PENDING_ROW} form[name='b2b_team_resend'] button[type='submit']`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page says the invitation was sent again",
            trigger: ".alert-success:contains('Pending Colleague')",
        },
        {
            content: "The colleague is still pending until they sign in",
            trigger: PENDING_ROW,
        },
    ],
});
