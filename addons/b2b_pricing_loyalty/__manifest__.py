# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Pricing - Promotions",
    "summary": "Odoo loyalty programs (threshold discounts, coupons, buy X get "
    "Y) on top of tier and cumulative volume prices",
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
    "depends": ["b2b_pricing_sale", "sale_loyalty"],
}
