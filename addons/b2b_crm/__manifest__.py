# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B CRM",
    "summary": "Dealer applications on Odoo's CRM: public application form, "
    "review pipeline with licence checklist, approval in one step, licence expiry",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["b2b_base", "crm"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_crm_security.xml",
        "data/crm_team_data.xml",
        "data/ir_config_parameter_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "wizard/crm_lead_reject_views.xml",
        "views/crm_lead_views.xml",
        "views/b2b_dealer_region_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/b2b_crm_menus.xml",
    ],
    "demo": [
        "demo/crm_lead_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "b2b_crm/static/tests/tours/**/*.js",
        ],
    },
}
