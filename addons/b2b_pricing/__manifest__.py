# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Pricing",
    "summary": "Tier and contract pricelists, cumulative volume breaks, "
    "order rules and a pricing service for dealers",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["b2b_base", "product"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_order_rule_security.xml",
        "data/res_groups_data.xml",
        "views/b2b_dealer_region_views.xml",
        "views/b2b_dealer_tier_views.xml",
        "views/res_partner_views.xml",
        "views/product_pricelist_item_views.xml",
        "views/b2b_order_rule_views.xml",
        "report/b2b_price_list_report.xml",
    ],
    "demo": [
        "demo/product_category_demo.xml",
        "demo/res_company_demo.xml",
        "demo/product_product_demo.xml",
        "demo/product_pricelist_demo.xml",
        "demo/b2b_dealer_tier_demo.xml",
        "demo/b2b_order_rule_demo.xml",
    ],
}
