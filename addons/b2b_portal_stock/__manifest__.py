# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Portal Regional Sourcing",
    "summary": "The dealer's order page shows which warehouse ships each line "
    "and the deliveries per warehouse",
    "version": "18.0.1.0.0",
    "category": "Website/Portal",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "auto_install": True,
    "depends": ["b2b_portal", "b2b_sale_stock"],
    "data": ["views/portal_order_templates.xml"],
    "assets": {
        "web.assets_tests": [
            "b2b_portal_stock/static/tests/tours/**/*.js",
        ],
    },
}
