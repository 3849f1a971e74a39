# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import SQL

#: open receivable lines of a partner, covering what the exposure query reads
OPEN_LINES_INDEX = "b2b_credit_aml_open_idx"
#: its first version, without the covered columns
OLD_OPEN_LINES_INDEX = "b2b_credit_aml_open_partner_idx"


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def init(self):
        """Odoo does not index ``partner_id`` of journal items: without this
        partial index the exposure query would scan every journal item of the
        database. Only posted, unreconciled lines are indexed, and the columns
        the query sums are included: the whale dealer's 10,000 open lines are
        read by an index-only scan (2 ms instead of 9 ms for a heap scan,
        docs/PERFORMANCE.md)."""
        res = super().init()
        self.env.cr.execute(
            SQL("DROP INDEX IF EXISTS %s", SQL.identifier(OLD_OPEN_LINES_INDEX))
        )
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (partner_id, company_id) "
                "INCLUDE (account_id, amount_residual, date_maturity) "
                "WHERE parent_state = 'posted' AND reconciled IS NOT TRUE",
                SQL.identifier(OPEN_LINES_INDEX),
                SQL.identifier(self._table),
            )
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
