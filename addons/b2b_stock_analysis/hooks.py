# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def uninstall_hook(env):
    """Remove the low-stock activities: Odoo cannot delete their activity
    type while activities use it (``ondelete='restrict'``)."""
    activity_type = env.ref(
        "b2b_stock_analysis.mail_activity_type_low_stock", raise_if_not_found=False
    )
    if activity_type:
        env["mail.activity"].sudo().with_context(active_test=False).search(
            [("activity_type_id", "=", activity_type.id)]
        ).unlink()
