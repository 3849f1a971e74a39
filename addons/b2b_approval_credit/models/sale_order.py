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
