# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

FULL_ROLES = (
    "b2b_base.b2b_base_group_buyer_finance",
    "b2b_base.b2b_base_group_buyer_admin",
)
SUMMARY_ROLES = (
    "b2b_base.b2b_base_group_buyer_purchaser",
    "b2b_base.b2b_base_group_buyer_approver",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    def _b2b_portal_credit_access(self):
        """What this portal user may see of its dealer's credit.

        - ``"full"`` (finance, admin): limit, credit used, available credit,
          overdue amount, hold status, statement of account (screen and PDF);
        - ``"summary"`` (purchaser, approver): available credit and hold
          status only, what they need to know whether an order can pass;
        - ``""``: nothing (internal users, users of no dealer, no buyer role).

        Group checks are cached per user: no query once the groups are known.
        """
        self.ensure_one()
        if not self.share or not self._b2b_dealer():
            return ""
        if any(self.has_group(group) for group in FULL_ROLES):
            return "full"
        if any(self.has_group(group) for group in SUMMARY_ROLES):
            return "summary"
        return ""
