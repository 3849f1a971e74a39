/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

const PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

registry.category("web_tour.tours").add("b2b_crm_public_application", {
    url: "/dealer/apply",
    steps: () => [
        {
            content: "Company name",
            trigger: "#b2b_application_form input[name='partner_name']",
            run: "edit Tour Trading Co",
        },
        {
            content: "Unified social credit code",
            trigger: "input[name='credit_code']",
            run: "edit 91350100M000100Y43",
        },
        {
            content: "Contact",
            trigger: "input[name='contact_name']",
            run: "edit Tour Applicant",
        },
        {trigger: "input[name='phone']", run: "edit 13812345678"},
        {trigger: "input[name='email']", run: "edit tour.applicant@tour-trading.example.com"},
        {trigger: "input[name='city']", run: "edit Hangzhou"},
        {
            content: "Intended region",
            trigger: "select[name='region_id']",
            run: "selectByLabel Tour East",
        },
        {trigger: "input[name='license_number']", run: "edit LIC-TOUR"},
        {
            content: "Licence expiry (a date input)",
            trigger: "input[name='license_expiry']",
            run() {
                this.anchor.value = "2999-12-31";
            },
        },
        {trigger: "input[name='annual_volume']", run: "edit 250000"},
        {
            content: "Attach the business licence (a PDF)",
            trigger: "input[name='license_files']",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File([PDF], "licence.pdf", {type: "application/pdf"})
                );
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Send the application",
            trigger: "button[name='b2b_application_submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The application was received",
            trigger: "#b2b_application_done",
        },
    ],
});
