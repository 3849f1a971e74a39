# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools.sql import create_index

#: open receivable lines of a partner: what the exposure query reads
OPEN_LINES_INDEX = "b2b_credit_aml_open_partner_idx"


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def init(self):
        """Odoo does not index ``partner_id`` of journal items: without this
        partial index the exposure query would scan every journal item of the
        database. Only posted, unreconciled lines are indexed."""
        res = super().init()
        create_index(
            self.env.cr,
            OPEN_LINES_INDEX,
            self._table,
            ["partner_id", "company_id"],
            where="parent_state = 'posted' AND reconciled IS NOT TRUE",
        )
        return res

    def reconcile(self):
        res = super().reconcile()
        # Release automatic holds as soon as the dealer has paid what was
        # overdue, without waiting for the daily job.
        # Holds are per company: look at the companies of the journal items.
        dealers = self.partner_id.commercial_partner_id.filtered("b2b_is_dealer")
        if dealers:
            self.env["res.partner"]._b2b_credit_release_auto_holds(
                dealers=dealers, companies=self.company_id
            )
        return res
