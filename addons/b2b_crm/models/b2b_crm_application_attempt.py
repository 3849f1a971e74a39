# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

#: system parameter: submissions per IP address and hour
RATE_LIMIT_PARAM = "b2b_crm.application_rate_limit"
DEFAULT_RATE_LIMIT = 5


class B2bCrmApplicationAttempt(models.Model):
    """One submission of the public dealer application form (rate limit).

    Stored in the database so that every worker shares the count; rows older
    than a day are removed by Odoo's autovacuum.
    """

    _name = "b2b.crm.application.attempt"
    _description = "Dealer Application Attempt"
    _order = "id desc"
    _log_access = False

    ip = fields.Char(string="IP Address", required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _b2b_rate_limit(self):
        param = self.env["ir.config_parameter"].sudo().get_param(RATE_LIMIT_PARAM)
        try:
            return max(int(param), 1) if param else DEFAULT_RATE_LIMIT
        except ValueError:
            return DEFAULT_RATE_LIMIT

    @api.model
    def _b2b_register(self, ip):
        """Count one submission from ``ip``; raise UserError beyond the limit.

        The submission is stored before the check, so refused submissions
        count too (a bot retrying does not get through by retrying).
        """
        if not isinstance(ip, str) or not ip:
            raise UserError(self.env._("Unknown address."))
        since = fields.Datetime.now() - timedelta(hours=1)
        count = self.search_count([("ip", "=", ip), ("date", ">=", since)])
        self.create({"ip": ip})
        if count >= self._b2b_rate_limit():
            raise UserError(
                self.env._(
                    "Too many applications were sent from your address. "
                    "Please try again in an hour."
                )
            )
        return True

    @api.autovacuum
    def _gc_b2b_attempts(self):
        self.search([("date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
