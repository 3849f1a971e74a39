# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Approvals",
    "summary": "Generic approval engine: data-driven rules, ordered steps, "
    "re-approval on change, delegation and escalation",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "depends": ["b2b_base", "mail"],
    "data": [
        "security/b2b_approval_groups.xml",
        "security/ir.model.access.csv",
        "security/b2b_approval_security.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_message_subtype_data.xml",
        "data/ir_cron_data.xml",
        "wizard/b2b_approval_request_line_reject_views.xml",
        "views/b2b_approval_rule_views.xml",
        "views/b2b_approval_request_views.xml",
        "views/b2b_approval_request_line_views.xml",
        "views/b2b_approval_delegation_views.xml",
        "views/b2b_approval_menus.xml",
    ],
}
