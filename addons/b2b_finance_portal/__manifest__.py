# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Finance Portal",
    "summary": "Dealer finance self-service: offline payment slips, paying the "
    "shortfall of orders refused for credit, monthly statement confirmation",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "account_payment",
        "b2b_credit",
        "b2b_credit_sale",
        "b2b_portal",
        "b2b_portal_credit",
        "mail",
        "sale",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_finance_portal_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "views/b2b_payment_slip_views.xml",
        "views/b2b_statement_snapshot_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/b2b_finance_portal_menus.xml",
        "wizard/b2b_payment_slip_reject_views.xml",
        "views/portal_templates.xml",
        "views/portal_payment_templates.xml",
        "views/portal_statement_templates.xml",
        "views/portal_order_pay_templates.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_bank_demo.xml",
        "demo/b2b_payment_slip_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "b2b_finance_portal/static/tests/tours/**/*",
        ],
    },
}
