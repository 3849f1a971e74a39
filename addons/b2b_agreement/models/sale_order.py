# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import format_date


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _confirmation_error_message(self):
        """Refuse to confirm the order of a dealer without a signed agreement
        covering today, when its company requires one (every path: backend,
        portal submission, approvals' precheck, the integrator API)."""
        error = super()._confirmation_error_message()
        if error:
            return error
        dealer = self.partner_id.commercial_partner_id
        company = self.company_id
        if not (dealer.b2b_is_dealer and company.b2b_agreement_required):
            return False
        Agreement = self.env["b2b.agreement"]
        if Agreement._b2b_valid_agreements(dealer, company):
            return False
        today = fields.Date.context_today(self)
        # sudo: only the end of the dealer's last signed agreement is shown
        last = Agreement.sudo().search(
            [
                ("company_id", "=", company.id),
                ("dealer_id", "=", dealer.id),
                ("state", "in", ("signed", "expired")),
                ("date_end", "<", today),
            ],
            order="date_end desc",
            limit=1,
        )
        if last:
            return self.env._(
                "The dealer %(dealer)s cannot order: its dealer agreement "
                "%(agreement)s ended on %(date)s. %(company)s requires a signed "
                "agreement valid today; the dealer's admin signs the renewal in "
                "the portal.",
                dealer=dealer.display_name,
                agreement=last.name,
                date=format_date(self.env, last.date_end),
                company=company.name,
            )
        return self.env._(
            "The dealer %(dealer)s cannot order: it has no signed dealer "
            "agreement valid today. %(company)s requires one; the dealer's admin "
            "signs it in the portal (Agreements).",
            dealer=dealer.display_name,
            company=company.name,
        )
