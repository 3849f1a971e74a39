# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Approvals for Rebate Settlements",
    "summary": "Rebate settlements above a rule's threshold wait for approval "
    "before their credit notes or balance credits are made",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "depends": ["b2b_rebate", "b2b_approval"],
    "data": [
        "views/b2b_rebate_settlement_views.xml",
    ],
}
