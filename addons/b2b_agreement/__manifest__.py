# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Agreements",
    "summary": "Dealer agreements (经销协议): templates per company or tier, "
    "signed in the portal, optionally required to order, renewed",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["b2b_portal", "b2b_sale", "portal", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_agreement_security.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "report/b2b_agreement_report.xml",
        "views/b2b_agreement_views.xml",
        "views/b2b_agreement_template_views.xml",
        "wizard/b2b_agreement_generate_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/b2b_agreement_menus.xml",
        "views/portal_templates.xml",
    ],
    "demo": ["demo/b2b_agreement_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "b2b_agreement/static/tests/tours/**/*",
        ],
    },
}
