# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B CRM Health",
    "summary": "Dealer health (经销商健康度): daily figures per approved dealer "
    "(orders, amounts, trends, 12-month net invoiced volume, overdue), rules per "
    "tier and one CRM activity per tripped rule, closed when the dealer orders",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["b2b_crm", "b2b_sale"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_dealer_health_security.xml",
        "data/mail_activity_type_data.xml",
        "data/b2b_dealer_health_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/b2b_dealer_health_views.xml",
        "views/b2b_dealer_health_rule_views.xml",
        "views/res_partner_views.xml",
        "views/b2b_crm_health_menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
    ],
}
