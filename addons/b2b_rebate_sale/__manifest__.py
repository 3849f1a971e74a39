# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Rebates on Orders",
    "summary": "Spend the dealer's rebate balance as a discount line on its "
    "quotations: capped per order, never negative, given back on cancellation",
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
    "depends": ["b2b_rebate", "b2b_pricing_sale"],
    "data": [
        "data/product_product_data.xml",
        "views/sale_order_views.xml",
        "views/b2b_rebate_ledger_views.xml",
        "views/res_config_settings_views.xml",
    ],
}
