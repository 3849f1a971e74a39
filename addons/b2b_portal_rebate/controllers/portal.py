# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The dealer's rebates in the portal: ``/my/b2b/rebates`` and a card on
the portal home with the running periods' figures."""

from odoo import fields, http
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import B2bPortal

#: ended periods listed under the running ones
PAST_PERIODS = 24
#: latest movements of the rebate balance listed
BALANCE_MOVES = 10
#: running periods on the home card (the page lists every one)
HOME_PERIODS = 3
#: buyer roles that see the dealer's rebates, the page and the home card
#: (``_b2b_check_dealer``'s ``role``): None, every buyer of the dealer
REBATE_ROLES = None
#: the stored figures the home card shows (read with its search)
HOME_FIELDS = [
    "programme_id",
    "currency_id",
    "period_label",
    "period_end",
    "amount",
    "quantity",
    "rate",
    "next_threshold",
    "next_rate",
    "missing",
    "accrued_amount",
    "settled_amount",
    "to_settle_amount",
]


class B2bPortalRebate(B2bPortal):
    def _b2b_rebate_domain(self, dealer):
        """The same expression as the portal record rule."""
        return [("partner_id", "=", dealer.id)]

    def _b2b_rebate_shown_domain(self, dealer):
        """The dealer's accruals of programmes that are not drafts, the
        selection of the page, its home card and the API."""
        # sudo: which programmes are not drafts, a subquery of the search
        # (portal users do not read the programmes); the accruals themselves
        # are searched as the user, under the portal record rule
        shown = (
            request.env["b2b.rebate.programme"]
            .sudo()
            .with_context(active_test=False)
            ._search([("state", "!=", "draft")])
        )
        return [*self._b2b_rebate_domain(dealer), ("programme_id", "in", shown)]

    def _b2b_rebate_allowed(self):
        """Whether the current dealer buyer's role sees the rebates (the
        page's rule, for the home card)."""
        if not REBATE_ROLES:
            return True
        user = request.env.user
        return any(user._b2b_has_role(code) for code in REBATE_ROLES)

    def _b2b_balance(self, dealer):
        """The dealer's rebate balance in the current company, as the user."""
        return request.env["b2b.rebate.balance"].search_fetch(
            [
                ("partner_id", "=", dealer.id),
                ("company_id", "=", request.env.company.id),
            ],
            ["amount", "company_id"],
            limit=1,
        )

    def _b2b_rebate_values(self, dealer):
        """The dealer's accruals: the periods running today first (with the
        volume missing to the next step), then the last ended ones. The
        figures are the stored ones of the backend dashboard."""
        today = fields.Date.context_today(request.env.user)
        # read as the portal user: the record rule shows its dealer's only
        accruals = request.env["b2b.rebate.accrual"].search(
            self._b2b_rebate_shown_domain(dealer),
            order="period_start desc, id desc",
            limit=PAST_PERIODS + 20,
        )
        # sudo: the names, targets and status of the programmes of the
        # dealer's own accruals (portal users do not read their settings)
        programmes = {accrual.id: accrual.sudo().programme_id for accrual in accruals}
        current = accruals.filtered(lambda a: a.period_end >= today)
        past = (accruals - current)[:PAST_PERIODS]
        # read as the portal user: its own dealer's balance and ledger only
        balance = self._b2b_balance(dealer)
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
        dealer = self._b2b_check_dealer(role=REBATE_ROLES)
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "b2b_rebates", "b2b_dealer": dealer})
        values.update(self._b2b_rebate_values(dealer))
        return request.render("b2b_portal_rebate.portal_my_b2b_rebates", values)

    # ------------------------------------------------------------------
    # Home card
    # ------------------------------------------------------------------
    def _b2b_home_values(self):
        # called for a dealer's buyers only (B2bPortal.home)
        values = super()._b2b_home_values()
        values.update(self._b2b_rebate_home_values(self._b2b_dealer()))
        return values

    def _b2b_rebate_home_values(self, dealer):
        """The home card: the first running periods of the page (at most
        ``HOME_PERIODS``) and the rebate balance, the same stored figures.
        No query when none of the user's companies runs a programme (the
        companies running one are cached); else three, whatever the
        history: the periods with their figures, their programmes' names,
        the balance."""
        if not self._b2b_rebate_allowed():
            return {}
        Programme = request.env["b2b.rebate.programme"]
        companies = Programme._b2b_running_company_ids() & set(
            request.env.companies.ids
        )
        if not companies:
            return {}
        today = fields.Date.context_today(request.env.user)
        # read as the portal user: the record rule shows its dealer's only
        accruals = request.env["b2b.rebate.accrual"].search_fetch(
            [
                *self._b2b_rebate_shown_domain(dealer),
                ("company_id", "in", sorted(companies)),
                ("period_end", ">=", today),
            ],
            HOME_FIELDS,
            order="period_start desc, id desc",
            limit=HOME_PERIODS + 1,
        )
        # sudo: the names and bases of the programmes of the dealer's own
        # accruals (portal users do not read the programmes' settings)
        accruals[:HOME_PERIODS].programme_id.sudo().fetch(["name", "basis"])
        balance = self._b2b_balance(dealer)
        if not accruals and not balance:
            return {}
        return {
            "b2b_rebate_home": accruals[:HOME_PERIODS],
            "b2b_rebate_home_more": len(accruals) > HOME_PERIODS,
            "b2b_rebate_home_balance": balance,
        }
