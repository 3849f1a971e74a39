# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The daily job of dealer agreements: expiry and renewals."""

import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

#: days before the end of a signed agreement its renewal is sent
RENEWAL_DAYS = 30


class B2bAgreement(models.Model):
    _inherit = "b2b.agreement"

    @api.model
    def _cron_b2b_agreement_daily(self):
        """Expire the agreements whose period ended, then send the renewals
        of the signed agreements ending within 30 days (once each)."""
        self._b2b_expire()
        self._b2b_seal_missing()
        return self._b2b_send_renewals()

    @api.model
    def _b2b_seal_missing(self):
        """Hash and render the signed PDF of agreements signed outside the
        portal (imported, demo data) that have none yet."""
        for agreement in self.search(
            [("state", "=", "signed"), ("attachment_id", "=", False)]
        ):
            agreement._b2b_seal()

    @api.model
    def _b2b_expire(self):
        today = fields.Date.context_today(self)
        ended = self.search(
            [("state", "in", ("sent", "signed")), ("date_end", "<", today)]
        )
        ended.write({"state": "expired"})
        return ended

    @api.model
    def _b2b_send_renewals(self):
        """Generate and send the next period's agreement of every signed
        agreement ending within ``RENEWAL_DAYS`` days that has none yet, for
        dealers that are still approved. One search, then one generation per
        company and period length."""
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("state", "=", "signed"),
                ("date_end", ">=", today),
                ("date_end", "<=", today + timedelta(days=RENEWAL_DAYS)),
                ("renewal_ids", "=", False),
                ("dealer_id.b2b_state", "=", "approved"),
            ]
        )
        renewals = self.browse()
        for agreement in due:
            start = agreement.date_end + timedelta(days=1)
            months = max(agreement.template_id.duration_months, 1)
            end = start + relativedelta(months=months, days=-1)
            template = agreement.template_id if agreement.template_id.active else None
            try:
                with self.env.cr.savepoint():
                    renewal = self.with_company(agreement.company_id)._b2b_generate(
                        agreement.dealer_id,
                        start,
                        end,
                        template=template,
                        previous_id=agreement.id,
                    )
            except UserError as error:
                _logger.warning("Renewal of %s not sent: %s", agreement.name, error)
                continue
            if not renewal:
                continue  # the next period was already agreed by hand
            renewal.write({"state": "sent", "sent_date": fields.Datetime.now()})
            renewal._b2b_announce(renewal=True)
            renewals |= renewal
        return renewals
