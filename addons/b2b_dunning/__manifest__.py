# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Payment Reminders and Late Fees",
    "summary": "Payment reminders per company policy (before, on and after the due "
    "date) and late-payment fees (违约金) posted as customer debit notes",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["b2b_credit", "b2b_portal_credit", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_dunning_security.xml",
        "data/product_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/b2b_dunning_stage_views.xml",
        "views/b2b_dunning_fee_policy_views.xml",
        "views/b2b_dunning_fee_views.xml",
        "views/b2b_dunning_reminder_views.xml",
        "views/b2b_dunning_menus.xml",
        "views/portal_templates.xml",
        "report/res_partner_statement_report.xml",
    ],
    "demo": [
        "demo/b2b_dunning_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "b2b_dunning/static/tests/tours/**/*",
        ],
    },
}
