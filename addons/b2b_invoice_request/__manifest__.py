# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Invoice Requests",
    "summary": "Dealer invoice requests (开票申请) in the portal: invoice profiles, "
    "requests for delivered order lines, finance queue, issued e-invoices",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["b2b_portal", "account", "portal", "mail"],
    "pre_init_hook": "pre_init_hook",
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_invoice_request_security.xml",
        "data/ir_sequence_data.xml",
        "views/b2b_invoice_profile_views.xml",
        "views/b2b_invoice_request_views.xml",
        "views/b2b_invoice_request_menus.xml",
        "views/res_config_settings_views.xml",
        "wizard/b2b_invoice_request_reject_views.xml",
        "views/portal_templates.xml",
        "views/portal_invoice_request_templates.xml",
        "views/portal_invoice_profile_templates.xml",
    ],
    "demo": [
        "demo/b2b_invoice_request_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "b2b_invoice_request/static/src/js/**/*",
        ],
        "web.assets_tests": [
            "b2b_invoice_request/static/tests/tours/**/*",
        ],
    },
}
