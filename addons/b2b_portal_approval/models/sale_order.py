# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _b2b_portal_approval_timeline(self):
        """Every approval step of the order, for the portal order page.

        Called on an order the portal user was allowed to open (the portal
        page gives it as sudo after its access check). Dealer-side steps name
        their approvers (colleagues of the dealer); seller-side steps only say
        who decided.

        :return: list of dict(scope, state, reset_reason, steps=[dict(name,
            state, approvers, decided_by, decision_date, comment)]), oldest
            request first; empty for an order of a customer that is no dealer.
        """
        self.ensure_one()
        # Customers that are not dealers see Odoo's own order page: no
        # timeline and no query (nor when no order ever needed an approval).
        if (
            not self.partner_id.commercial_partner_id.b2b_is_dealer
            or not self._b2b_approval_may_have_requests()
        ):
            return []
        # sudo: the approval history of an order the user may read (see above).
        requests = self.sudo()._b2b_approval_requests().sorted("id")
        timeline = []
        for req in requests:
            steps = []
            for line in req.line_ids.sorted(lambda ln: (ln.sequence, ln.id)):
                steps.append(
                    {
                        "name": line.name,
                        "state": line.state,
                        "is_current": line.is_current,
                        "approvers": ", ".join(line.approver_user_ids.mapped("name"))
                        if req.scope == "dealer"
                        else "",
                        "decided_by": line.decided_by_id.name or "",
                        "decision_date": line.decision_date,
                        "comment": line.comment or "",
                    }
                )
            timeline.append(
                {
                    "id": req.id,
                    "scope": req.scope,
                    "state": req.state,
                    "reset_reason": req.reset_reason or "",
                    "steps": steps,
                }
            )
        return timeline
