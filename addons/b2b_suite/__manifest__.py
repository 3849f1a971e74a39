# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Suite",
    "summary": "Installs the whole Dealer B2B suite with Sales, Inventory, "
    "Accounting, CRM and the portal",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": True,
    "installable": True,
    "depends": [
        # Odoo apps the suite extends
        "sale_management",
        "sale_stock",
        "sale_loyalty",
        "account",
        # valuation of stock (stock ageing) and online payments (dealer finance)
        "stock_account",
        "account_payment",
        "crm",
        "portal",
        # the suite
        "b2b_base",
        "b2b_sale",
        "b2b_pricing",
        "b2b_pricing_sale",
        "b2b_pricing_loyalty",
        "b2b_credit",
        "b2b_credit_sale",
        "b2b_credit_stock",
        "b2b_stock",
        "b2b_sale_stock",
        "b2b_approval",
        "b2b_approval_sale",
        "b2b_approval_credit",
        "b2b_approval_account",
        "b2b_api",
        "b2b_api_webhook",
        "b2b_portal",
        "b2b_portal_credit",
        "b2b_portal_approval",
        "b2b_crm",
        "b2b_crm_health",
        "b2b_tier_review",
        "b2b_approval_tier_review",
    ],
    "demo": ["demo/sale_order_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "b2b_suite/static/tests/tours/**/*.js",
        ],
    },
}
