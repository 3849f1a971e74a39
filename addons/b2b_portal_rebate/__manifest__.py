# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Portal Rebates",
    "summary": "The dealer's rebate progress in the portal: volume so far, "
    "what is missing to the next step, accrued, settled, still to settle",
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
    "depends": ["b2b_rebate_sale", "b2b_portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_portal_rebate_security.xml",
        "views/portal_templates.xml",
        "views/portal_order_templates.xml",
    ],
}
