# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The dealer's rebates in the portal: ``/my/b2b/rebates`` and an entry on
the portal home."""

from odoo import fields, http
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import B2bPortal

#: ended periods listed under the running ones
PAST_PERIODS = 24
#: latest movements of the rebate balance listed
BALANCE_MOVES = 10


class B2bPortalRebate(B2bPortal):
    def _b2b_rebate_domain(self, dealer):
        """The same expression as the portal record rule."""
        return [("partner_id", "=", dealer.id)]

    def _b2b_rebate_values(self, dealer):
        """The dealer's accruals: the periods running today first (with the
        volume missing to the next step), then the last ended ones. The
        figures are the stored ones of the backend dashboard."""
        today = fields.Date.context_today(request.env.user)
        # read as the portal user: the record rule shows its dealer's only
        accruals = request.env["b2b.rebate.accrual"].search(
            self._b2b_rebate_domain(dealer),
            order="period_start desc, id desc",
            limit=PAST_PERIODS + 20,
        )
        # sudo: the names, targets and status of the programmes of the
        # dealer's own accruals (portal users do not read their settings)
        programmes = {accrual.id: accrual.sudo().programme_id for accrual in accruals}
        accruals = accruals.filtered(lambda a: programmes[a.id].state != "draft")
        current = accruals.filtered(lambda a: a.period_end >= today)
        past = (accruals - current)[:PAST_PERIODS]
        # read as the portal user: its own dealer's balance and ledger only
        balance = request.env["b2b.rebate.balance"].search(
            [
                ("partner_id", "=", dealer.id),
                ("company_id", "=", request.env.company.id),
            ],
            limit=1,
        )
        moves = request.env["b2b.rebate.ledger"].browse()
        if balance:
            moves = request.env["b2b.rebate.ledger"].search(
                [("balance_id", "=", balance.id)],
                order="date desc, id desc",
                limit=BALANCE_MOVES,
            )
        return {
            "b2b_rebate_balance": balance,
            "b2b_rebate_balance_moves": moves,
            "b2b_rebate_current": current,
            "b2b_rebate_past": past,
            "b2b_rebate_programmes": programmes,
            "b2b_rebate_currency": request.env.company.currency_id,
        }

    @http.route(["/my/b2b/rebates"], type="http", auth="user", website=True)
    def b2b_portal_rebates(self, **kw):
        dealer = self._b2b_check_dealer()
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "b2b_rebates", "b2b_dealer": dealer})
        values.update(self._b2b_rebate_values(dealer))
        return request.render("b2b_portal_rebate.portal_my_b2b_rebates", values)
