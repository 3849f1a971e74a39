# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

KEEP_DAYS = 90


class B2bApiIdempotency(models.Model):
    """One order submission of an integration user, by idempotency key.

    The row is inserted with ``INSERT ... ON CONFLICT DO NOTHING`` as the
    first write of the submission's transaction. A concurrent submission
    with the same key waits on the uncommitted row; once the first one
    commits, PostgreSQL (REPEATABLE READ) fails the waiter with a
    serialization error, Odoo's RPC layer retries the whole call, and the
    retry finds the stored response. A submission that fails (validation,
    credit) rolls its row back with everything else it wrote (savepoint of
    ``b2b.api._b2b_api_run``), so the key can be sent again with a fixed
    payload.
    """

    _name = "b2b.api.idempotency"
    _description = "Integrator API Order Submission"
    _order = "id desc"
    _rec_name = "key"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Integration User",
        required=True,
        readonly=True,
        ondelete="cascade",
    )
    key = fields.Char(string="Idempotency Key", required=True, readonly=True)
    payload_hash = fields.Char(readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    dealer_id = fields.Many2one(
        "res.partner", string="Dealer", readonly=True, index="btree_not_null"
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Order",
        readonly=True,
        ondelete="set null",
        check_company=True,
        index="btree_not_null",
    )
    response = fields.Json(readonly=True)

    _sql_constraints = [
        (
            "user_key_uniq",
            "unique(user_id, key)",
            "An idempotency key is used once per integration user.",
        )
    ]

    @api.model
    def _b2b_claim(self, user_id, key, payload_hash, company_id):
        """Insert the row of (user, key); return its id, or None when it
        exists (committed by an earlier call)."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO b2b_api_idempotency
                       (user_id, key, payload_hash, company_id,
                        create_uid, write_uid, create_date, write_date)
                VALUES (%(user)s, %(key)s, %(hash)s, %(company)s,
                        %(user)s, %(user)s,
                        NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (user_id, key) DO NOTHING
                RETURNING id
                """,
                user=user_id,
                key=key,
                hash=payload_hash,
                company=company_id,
            )
        )
        row = self.env.cr.fetchone()
        return row[0] if row else None

    @api.model
    def _b2b_find(self, user_id, key):
        """The stored submission of (user, key), sudo, or an empty recordset."""
        # sudo: the caller's own submissions only (filtered on its user id).
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("user_id", "=", user_id), ("key", "=", key)], limit=1)
        )

    @api.autovacuum
    def _gc_b2b_api_idempotency(self):
        """Keys are kept KEEP_DAYS days: long enough for any client retry."""
        limit = fields.Datetime.now() - timedelta(days=KEEP_DAYS)
        self.sudo().search([("create_date", "<", limit)]).unlink()
