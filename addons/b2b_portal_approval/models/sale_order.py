# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _b2b_get_approval_harmless_fields(self):
        # the refusal shown to the buyer does not change what was approved
        return super()._b2b_get_approval_harmless_fields() | {"b2b_submit_error"}

    def _b2b_portal_approval_timeline(self, user=None):
        """Every approval step of the order, for the portal order page.

        Called on an order the portal user was allowed to open (the portal
        page gives it as sudo after its access check). Dealer-side steps name
        their approvers (colleagues of the dealer); seller-side steps only say
        who decided.

        :param user: the user looking at the page (default: the current
            user; the portal passes it, its order being read as OdooBot)
        :return: list of dict(scope, state, reset_reason, steps=[dict(name,
            state, approvers, decided_by, decision_date, comment, line_id,
            can_decide)]), oldest
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
                        # the current user may decide this step here
                        "line_id": line.id,
                        "can_decide": req.scope == "dealer"
                        and line.state == "pending"
                        and line.is_current
                        and bool(line._b2b_represented(user or self.env.user)),
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

    # ------------------------------------------------------------------
    # The buyer's status (b2b_portal): waiting, rejected, approved
    # ------------------------------------------------------------------
    def _b2b_buyer_statuses(self):
        """Quotations of dealers take their approval into account: waiting
        for the dealer's approver or for the brand, rejected (with the
        reason), approved and not confirmed yet. A refusal at submission
        (newer than any approval) keeps its own status. One query on the
        requests for the whole batch."""
        result = super()._b2b_buyer_statuses()
        quotations = self.filtered(
            lambda o: result[o][0] == "draft"
            and o.id
            and o.partner_id.commercial_partner_id.b2b_is_dealer
        )
        if not quotations or not quotations._b2b_approval_may_have_requests():
            return result
        # sudo: the approval history of orders the user may read.
        requests = quotations.sudo()._b2b_approval_requests().sorted("id")
        latest = {}
        for req in requests:
            scopes = latest.setdefault(req.res_id, {})
            if req.state == "cancelled":
                scopes.pop(req.scope, None)
            else:
                scopes[req.scope] = req
        for order in quotations:
            scopes = latest.get(order.id) or {}
            status = None
            for scope, waiting, rejected in (
                ("dealer", "waiting_dealer", "rejected"),
                ("seller", "waiting_seller", "rejected_seller"),
            ):
                req = scopes.get(scope)
                if not req:
                    continue
                if req.state == "rejected":
                    reason = req.line_ids.filtered(lambda ln: ln.state == "rejected")[
                        :1
                    ].comment
                    status = (rejected, reason or False)
                    break
                if req.state == "pending":
                    status = (waiting, False)
                    break
            if status is None and scopes:
                status = ("approved", False)
            if status:
                result[order] = status
        return result

    def _b2b_approval_confirm_refused(self, request, error):
        # the buyer sees the reason on the order and in the lists (refused)
        res = super()._b2b_approval_confirm_refused(request, error)
        # sudo: written by the engine's hook, in the decider's name
        self.sudo().b2b_submit_error = str(error)
        return res
