# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Portal Credit",
    "summary": "Dealer credit card on the portal home and statement of account "
    "(screen and PDF) in the portal",
    "version": "18.0.1.0.0",
    "category": "Website/Portal",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "auto_install": True,
    "depends": ["b2b_portal", "b2b_credit_sale"],
    "data": [
        "views/portal_templates.xml",
        "views/account_portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "b2b_portal_credit/static/tests/tours/**/*",
        ],
    },
}
