# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def reconcile(self):
        res = super().reconcile()
        # Release automatic holds as soon as the dealer has paid what was
        # overdue, without waiting for the daily job.
        partners = self.partner_id.commercial_partner_id.filtered(
            lambda p: p.b2b_credit_hold and p.b2b_credit_hold_type == "auto"
        )
        if partners:
            self.env["res.partner"]._b2b_credit_release_auto_holds(dealers=partners)
        return res
