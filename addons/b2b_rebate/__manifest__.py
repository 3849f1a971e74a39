# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Dealer B2B Rebates",
    "summary": "Dealer rebate programmes (返利): steps, accrual from posted "
    "invoices, settlement as credit notes with true-up, claw-back and ledger",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/dealer-b2b/dealer-b2b-odoo",
    "author": "Dealer B2B for Odoo contributors",
    "maintainers": ["dealer-b2b"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "installable": True,
    "depends": ["b2b_base", "account"],
    "data": [
        "security/ir.model.access.csv",
        "security/b2b_rebate_security.xml",
        "data/ir_cron_data.xml",
        "data/product_product_data.xml",
        "views/b2b_rebate_programme_views.xml",
        "views/b2b_rebate_accrual_views.xml",
        "views/b2b_rebate_ledger_views.xml",
        "views/b2b_rebate_balance_views.xml",
        "views/b2b_rebate_settlement_views.xml",
        "views/account_move_views.xml",
        "views/res_config_settings_views.xml",
        "views/b2b_rebate_menus.xml",
    ],
    "demo": ["demo/b2b_rebate_demo.xml"],
}
