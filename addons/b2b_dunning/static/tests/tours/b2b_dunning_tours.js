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

registry.category("web_tour.tours").add("b2b_dunning_reminders", {
    url: "/my",
    steps: () => [
        {
            content: "The home card counts the overdue invoices",
            trigger: "#b2b_dunning_card #b2b_dunning_overdue_count[data-b2b-value='3']",
            run: noHorizontalScroll,
        },
        {
            content: "The card is a panel, not one of the counter cards",
            trigger: "#b2b_portal_home_panels > #b2b_dunning_card",
            run() {
                if (document.querySelector("#b2b_portal_home_cards #b2b_dunning_card")) {
                    throw new Error("The payments card is among the counter cards");
                }
            },
        },
        {
            content: "The late fees to be charged",
            trigger: "#b2b_dunning_card #b2b_dunning_fee_amount",
        },
        {
            content: "Open the reminders",
            trigger: "a#b2b_dunning_reminders_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The finance contact always receives them",
            trigger: "tr[data-b2b-login='pc_finance'] [name='b2b_reminder_always']",
            run: noHorizontalScroll,
        },
        {
            content: "The admin always receives them: no button on its own row",
            trigger: "tr[data-b2b-login='pc_admin'] [name='b2b_reminder_always']",
            run() {
                if (document.querySelector("tr[data-b2b-login='pc_admin'] button")) {
                    throw new Error("The admin's row offers a button");
                }
            },
        },
        {
            content: "Subscribe the purchaser",
            trigger: "tr[data-b2b-login='pc_purchaser'] button[name='b2b_reminder_subscribe']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The purchaser receives them",
            trigger: "#b2b_reminder_message.alert-success",
        },
        {
            content: "Unsubscribe the purchaser again",
            trigger: "tr[data-b2b-login='pc_purchaser'] button[name='b2b_reminder_unsubscribe']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The purchaser no longer receives them",
            trigger: "tr[data-b2b-login='pc_purchaser'] [name='b2b_reminder_unsubscribed']",
        },
        {
            content: "The reminders sent are listed",
            trigger: "tr[name='b2b_reminder_row']",
            run: noHorizontalScroll,
        },
    ],
});
