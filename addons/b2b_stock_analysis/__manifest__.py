# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Stock Analysis",
    "summary": "Low-stock alerts per product and warehouse (one activity a day "
    "to the warehouse's responsible, closed when stock is back) and slow / dead "
    "stock by age bucket, last sale and stock cover, by region and warehouse",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["b2b_sale_stock", "stock_account"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_stock_analysis_security.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/b2b_stock_threshold_views.xml",
        "views/b2b_stock_alert_views.xml",
        "views/stock_warehouse_views.xml",
        "report/b2b_stock_ageing_report_views.xml",
        "views/b2b_stock_analysis_menus.xml",
    ],
    "demo": ["demo/b2b_stock_analysis_demo.xml"],
    "uninstall_hook": "uninstall_hook",
}
