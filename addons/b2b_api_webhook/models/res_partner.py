# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_credit_set_hold(self, reason, hold_type="manual", company=None):
        res = super()._b2b_credit_set_hold(reason, hold_type=hold_type, company=company)
        self._b2b_webhook_hold_changed(self.commercial_partner_id, company)
        return res

    def _b2b_credit_release_hold(self, reason, auto=False, company=None):
        held = self.browse()
        hold_company = company or self.env.company
        if self.env["b2b.api.webhook"]._b2b_webhook_watched(hold_company.id):
            held = self.commercial_partner_id.with_company(hold_company).filtered(
                "b2b_credit_hold"
            )
        res = super()._b2b_credit_release_hold(reason, auto=auto, company=company)
        self._b2b_webhook_hold_changed(held, company)
        return res

    def _b2b_webhook_hold_changed(self, dealers, company):
        """credit.hold_changed for ``dealers`` in ``company`` (default the
        current one, as the hold methods)."""
        company = company or self.env.company
        Webhook = self.env["b2b.api.webhook"]
        if not dealers or not Webhook._b2b_webhook_watched(company.id):
            return
        Webhook._b2b_webhook_emit(
            "credit.hold_changed",
            [(dealer._name, dealer.id, dealer.id, company.id) for dealer in dealers],
        )
