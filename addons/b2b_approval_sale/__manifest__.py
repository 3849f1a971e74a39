# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Approvals for Sales",
    "summary": "Seller-side and dealer-side approval of quotations before "
    "confirmation",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "depends": ["b2b_approval", "sale"],
    "data": [
        "views/sale_order_views.xml",
        "views/res_users_views.xml",
        "views/b2b_approval_sale_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/b2b_approval_rule_demo.xml",
    ],
}
