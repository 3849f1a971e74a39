# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class B2bCreditGuard(models.Model):
    """One row per dealer and company, written before a credit decision is
    trusted.

    Odoo runs every request in REPEATABLE READ: a transaction sees the data
    of its first query, so locking a row does not show it what a concurrent
    transaction committed meanwhile. Writing the guard row does: if another
    transaction wrote the same row after our snapshot was taken (committed or
    still running), PostgreSQL raises a serialization failure and Odoo's
    ``retrying`` reruns the whole request on fresh data. Every credit decision
    that lets a document pass writes the row, so two decisions on the same
    dealer can never both rely on the same stale exposure.
    """

    _name = "b2b.credit.guard"
    _description = "Dealer Credit Concurrency Guard"
    _log_access = False

    partner_id = fields.Many2one(
        "res.partner", required=True, ondelete="cascade", index=False
    )
    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    counter = fields.Integer(default=0)

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "One guard row per dealer and company.",
        ),
    ]

    def _b2b_touch(self, partner_ids, company):
        """Write the guard rows of ``partner_ids`` in ``company`` (one query).

        Raises a serialization failure (retried by Odoo's RPC layer) when a
        concurrent transaction wrote one of the rows after our snapshot.
        """
        if not partner_ids:
            return
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO b2b_credit_guard (partner_id, company_id, counter)
                SELECT pid, %(company)s, 1 FROM unnest(%(pids)s::int[]) AS pid
                ORDER BY pid
                ON CONFLICT (partner_id, company_id)
                DO UPDATE SET counter = b2b_credit_guard.counter + 1
                """,
                company=company.id,
                pids=sorted(set(partner_ids)),
            ),
            # The serialization failure is the expected outcome of a race,
            # retried by Odoo: not a "bad query" worth an error in the log.
            log_exceptions=False,
        )
