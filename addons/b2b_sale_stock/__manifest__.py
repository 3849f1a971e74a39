# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Regional Sourcing",
    "summary": "Dealers' orders shipped from their region's warehouses, split "
    "by warehouse, and available-to-promise per warehouse",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "auto_install": True,
    "depends": ["b2b_stock", "b2b_sale", "sale_stock"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_region_warehouse_security.xml",
        "views/b2b_dealer_region_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_views.xml",
    ],
    "demo": ["demo/stock_warehouse_demo.xml"],
}
