# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Tier Review",
    "summary": "Automatic dealer tier review on 12-month invoiced volume: "
    "thresholds, hysteresis, grace period, approval, overrides and audit",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "depends": ["b2b_sale", "b2b_pricing", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_tier_review_security.xml",
        "data/ir_cron_data.xml",
        "views/b2b_tier_change_views.xml",
        "views/b2b_tier_proposal_views.xml",
        "views/b2b_dealer_tier_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/b2b_dealer_tier_review_views.xml",
        "wizard/res_partner_tier_override_views.xml",
        "views/b2b_tier_review_menus.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/b2b_dealer_tier_demo.xml",
        "demo/res_company_demo.xml",
        "demo/b2b_tier_change_demo.xml",
    ],
}
