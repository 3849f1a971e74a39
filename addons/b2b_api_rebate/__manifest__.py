# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Integrator API Rebates",
    "summary": "The dealer's rebate figures over the integrator API "
    "(rebate_summary): the portal's and the backend's figures to the cent",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "auto_install": True,
    "depends": ["b2b_api", "b2b_portal_rebate"],
}
