# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Portal",
    "summary": "Dealer ordering workspace in the portal: catalogue, quick order, "
    "bulk upload, reorder, saved lists, deliveries, stock alerts and team",
    "version": "18.0.1.0.0",
    "category": "Website/Portal",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "depends": [
        "b2b_pricing_sale",
        "b2b_sale",
        "b2b_stock",
        "sale_stock",
        "portal",
        "mail",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_portal_security.xml",
        "views/b2b_order_list_views.xml",
        "views/portal_templates.xml",
        "views/portal_b2b_templates.xml",
        "views/portal_price_list_templates.xml",
        "views/portal_order_templates.xml",
        "views/portal_stock_templates.xml",
        "views/b2b_stock_subscription_views.xml",
        "data/ir_cron_data.xml",
    ],
    "demo": [
        "demo/product_product_demo.xml",
        "demo/stock_quant_demo.xml",
        "demo/b2b_order_list_demo.xml",
        "demo/b2b_stock_subscription_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "b2b_portal/static/src/scss/b2b_portal.scss",
            "b2b_portal/static/src/js/**/*",
        ],
        "web.assets_tests": [
            "b2b_portal/static/tests/tours/**/*.js",
        ],
    },
}
