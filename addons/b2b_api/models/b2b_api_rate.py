# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import time

from psycopg2.extensions import (
    ISOLATION_LEVEL_READ_COMMITTED,
    TRANSACTION_STATUS_IDLE,
)

from odoo import api, fields, models
from odoo.tools import SQL


class B2bApiRate(models.Model):
    """Calls of an integration user per fixed time window.

    The counter lives in the database so that every worker process sees the
    same count. It is incremented in its own short READ COMMITTED transaction
    on a separate cursor: concurrent calls queue on the row for a moment but
    never fail with a serialization error, and the count is kept even when
    the business call rolls back or is retried.
    """

    _name = "b2b.api.rate"
    _description = "Integrator API Call Counter"
    _log_access = False

    user_id = fields.Many2one(
        "res.users", required=True, ondelete="cascade", readonly=True
    )
    window_start = fields.Integer(
        required=True, readonly=True, help="Start of the window (Unix time)"
    )
    count = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "user_window_uniq",
            "unique(user_id, window_start)",
            "One counter per user and window.",
        )
    ]

    @api.model
    def _b2b_hit(self, user_id, window_seconds):
        """Count one call of ``user_id``; return (calls in the window, seconds
        until the window ends)."""
        now = time.time()
        window = int(now // window_seconds) * window_seconds
        query = SQL(
            """
            INSERT INTO b2b_api_rate (user_id, window_start, count)
            VALUES (%s, %s, 1)
            ON CONFLICT (user_id, window_start)
            DO UPDATE SET count = b2b_api_rate.count + 1
            RETURNING count
            """,
            user_id,
            window,
        )
        with self.env.registry.cursor() as cr:
            connection = cr.connection
            if connection.info.transaction_status == TRANSACTION_STATUS_IDLE:
                # a new transaction: READ COMMITTED, so that concurrent calls
                # of the user queue on the row instead of failing to
                # serialize. (A cursor that already runs a transaction, as the
                # one Odoo serves from the test transaction in test mode,
                # keeps its level: it has no concurrent writer.)
                connection.set_isolation_level(ISOLATION_LEVEL_READ_COMMITTED)
            cr.execute(query)
            count = cr.fetchone()[0]
        return count, max(1, int(window_seconds - now % window_seconds))

    @api.autovacuum
    def _gc_b2b_api_rate(self):
        self.env.cr.execute(
            SQL(
                "DELETE FROM b2b_api_rate WHERE window_start < %s",
                int(time.time()) - 2 * 86400,
            )
        )
