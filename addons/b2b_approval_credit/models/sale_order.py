# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _b2b_get_approval_harmless_fields(self):
        # A credit override (granted by an approval or by a credit manager)
        # does not change what was approved.
        return (
            super()._b2b_get_approval_harmless_fields()
            | self._b2b_credit_get_override_fields()
        )

    def _b2b_approval_on_approved(self, request):
        """An approved credit-limit request overrides the credit block first,
        so that the confirmation that follows (if any) passes."""
        self.ensure_one()
        self._b2b_approval_credit_override(request)
        return super()._b2b_approval_on_approved(request)

    def _b2b_approval_credit_override(self, request):
        """Grant the credit override of the order when ``request`` approved
        it because of the credit limit and the limit is the only credit
        problem (a hold or overdue invoices still block). Returns whether an
        override was granted."""
        self.ensure_one()
        # sudo: rules are configuration, unreadable for portal approvers.
        rules = request.sudo().rule_ids.filtered("b2b_credit_override")
        if not rules or self.state not in ("draft", "sent"):
            return False
        reasons = self._b2b_credit_order_reasons().get(self, [])
        if reasons != ["limit"]:
            return False
        # sudo: the approval engine checked that the current user approves the
        # last step of ``request``; the override is granted in its name (the
        # audit line records the current user and names the request).
        request = request.sudo()
        self.sudo()._b2b_credit_grant_override(
            self.env._(
                "Credit limit exceeded: approved through %(request)s (request #%(id)s)",
                request=request.display_name,
                id=request.id,
            ),
            source=request,
        )
        return True

    def _b2b_approval_precheck(self):
        """Credit comes before approval: a quotation the credit policy would
        refuse is refused when it is submitted, with the reason, before its
        approval is requested, unless the approval asked can lift that block
        (:meth:`_b2b_credit_precheck_waived`)."""
        res = super()._b2b_approval_precheck()
        for _dealer, _company, _guarded, decisions in self._b2b_credit_decide("order"):
            for decision in decisions:
                if decision["result"] == "block" and not decision[
                    "document"
                ]._b2b_credit_precheck_waived(decision):
                    raise self._b2b_credit_blocked_error(decision)
        return res

    def _b2b_credit_precheck_waived(self, decision):
        """Whether the credit block of ``decision`` may wait for the approval:
        a block by the credit limit alone, when a rule that approves credit
        overruns applies to the order and has not approved it yet (a hold or
        overdue invoices refuse the submission at once)."""
        self.ensure_one()
        if decision["reasons"] != ["limit"]:
            return False
        for scope in ("dealer", "seller"):
            rules = self._b2b_approval_matching(scope).get(self)
            # sudo: rules are configuration, unreadable for portal buyers.
            if (
                rules
                and rules.sudo().filtered("b2b_credit_override")
                and self._b2b_approval_blocked(scope)
            ):
                return True
        return False
