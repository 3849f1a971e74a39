# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Integrator Webhooks",
    "summary": "Signed outbound webhooks for integrators: order, approval, "
    "delivery, invoice, payment and credit hold events, queued and retried",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "depends": ["b2b_api"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_api_webhook_security.xml",
        "data/ir_cron_data.xml",
        "views/b2b_api_webhook_views.xml",
        "views/b2b_api_webhook_delivery_views.xml",
    ],
}
