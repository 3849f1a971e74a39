# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_portal_order_status(self, company, info=None):
        """Whether this dealer can order now in ``company``, and why not.

        No rule of its own: the answer is what confirming an order would
        decide, i.e. the dealer's status (``b2b_can_order``, refused by
        ``b2b_sale`` at confirmation) and the credit decision of the
        ``order`` stage (``_b2b_credit_evaluate``, as
        ``b2b.credit.document.mixin._b2b_credit_decide`` takes it), for the
        smallest possible order on the dealer's current exposure.

        :param info: the dealer's ``_b2b_credit_info(company)`` when already
            read (its exposure is reused: no second query).
        :return: dict(
            result: ``ok`` / ``warn`` (an order passes with a warning to the
            brand) / ``block``;
            reasons: codes among ``dealer`` (not an approved dealer),
            ``hold``, ``overdue``, ``limit``, in that order;
            dealer_state: label of the dealer's status;
            message: the credit decision's message (with amounts: for the
            dealer's finance and admin buyers only))
        """
        self.ensure_one()
        dealer = self.commercial_partner_id
        if info is None:
            info = dealer._b2b_credit_info(company)
        policy = dealer._b2b_get_credit_policy("order", company)
        # The decision reads the exposure only when a policy applies, as at
        # confirmation; the credit info carries the same exposure figures.
        exposure = (
            None
            if policy == "none"
            else {"total": info["exposure"], "overdue": info["overdue"]}
        )
        decision = dealer._b2b_credit_evaluate(
            "order", company, company.currency_id.rounding, exposure
        )
        reasons = []
        if not dealer.b2b_can_order:
            reasons.append("dealer")
        credit_result = decision["result"]
        if credit_result in ("warn", "block"):
            reasons += decision["reasons"]
        if not dealer.b2b_can_order or credit_result == "block":
            result = "block"
        elif credit_result == "warn":
            result = "warn"
        else:
            result = "ok"
        states = dict(dealer._fields["b2b_state"]._description_selection(self.env))
        return {
            "result": result,
            "reasons": reasons,
            "dealer_state": states.get(dealer.b2b_state, ""),
            "message": decision["message"],
        }
