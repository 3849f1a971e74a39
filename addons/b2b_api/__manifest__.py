# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Integrator API",
    "summary": "One RPC call per business operation for dealer ERPs and EDI "
    "gateways: prices, credit, stock, idempotent orders, status, invoices",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "depends": [
        "b2b_pricing_sale",
        "b2b_credit_sale",
        "b2b_approval_sale",
        "b2b_stock",
        "b2b_sale_stock",
        "sale_stock",
    ],
    "data": [
        "security/b2b_api_groups.xml",
        "security/ir.model.access.csv",
        "security/b2b_api_security.xml",
        "data/ir_config_parameter_data.xml",
        "views/b2b_api_idempotency_views.xml",
        "views/res_users_views.xml",
        "views/res_partner_views.xml",
    ],
    "demo": ["demo/res_users_demo.xml"],
}
