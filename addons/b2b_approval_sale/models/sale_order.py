# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.b2b_approval.models.b2b_approval_mixin import TRANSITION


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "b2b.approval.mixin"]

    _b2b_approval_state_field = "state"
    _b2b_approval_state_from = ("draft", "sent")
    _b2b_approval_transition = "action_confirm"
    _b2b_approval_dealer_field = "partner_id"

    b2b_exceeds_spending_limit = fields.Boolean(
        string="Exceeds the Purchaser's Spending Limit",
        compute="_compute_b2b_exceeds_spending_limit",
        search="_search_b2b_exceeds_spending_limit",
        help="The order was created by a user with a spending limit (a dealer's "
        "purchaser) and its untaxed amount is above that limit.",
    )

    def _b2b_get_approval_harmless_fields(self):
        # Written by Odoo itself while a quotation is signed, paid or annotated.
        return super()._b2b_get_approval_harmless_fields() | {
            "note",
            "client_order_ref",
            "origin",
            "tag_ids",
            "signature",
            "signed_by",
            "signed_on",
            "transaction_ids",
            "reference",
            "locked",
        }

    @api.depends("create_uid", "amount_untaxed")
    def _compute_b2b_exceeds_spending_limit(self):
        for order in self:
            # sudo: the limit of the order's creator, not of the current user.
            limit = order.sudo().create_uid.b2b_spending_limit
            order.b2b_exceeds_spending_limit = bool(limit) and (
                order.amount_untaxed > limit
            )

    def _search_b2b_exceeds_spending_limit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the spending limit."))
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT so.id
                  FROM sale_order so
                  JOIN res_users u ON u.id = so.create_uid
                 WHERE u.b2b_spending_limit > 0
                   AND so.amount_untaxed > u.b2b_spending_limit
                """
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def write(self, vals):
        """Imports and RPC writing ``state`` directly cannot skip the approval."""
        if (
            vals.get("state") == "sale"
            and self.env.context.get("b2b_approval_transition") is not TRANSITION
        ):
            blocked = self._b2b_approval_blocked_any()
            if blocked:
                raise UserError(blocked[:1]._b2b_approval_message())
        return super().write(vals)

    def action_confirm(self):
        """Confirm the approved quotations; ask approval for the others.

        The quotations waiting for approval are not confirmed, and no error is
        raised, so that their approval request is kept (an error would roll it
        back). Button, portal acceptance, payment and RPC all come through here;
        direct writes of the state are refused in ``write``.
        """
        blocked = self._b2b_approval_submit()
        todo = self - blocked
        if not todo:
            return True
        return super(
            SaleOrder, todo.with_context(b2b_approval_transition=TRANSITION)
        ).action_confirm()

    def _action_cancel(self):
        """A cancelled quotation no longer waits for anybody's approval: its
        pending (or approved, not yet used) requests are closed, whichever
        path cancels it (button, portal, RPC, the integrator API)."""
        res = super()._action_cancel()
        self._b2b_approval_cancelled(self.env._("The order was cancelled."))
        return res

    def _confirmation_error_message(self):
        """Safety net for code confirming without going through our filter."""
        message = super()._confirmation_error_message()
        if (
            message
            or self.env.context.get("b2b_approval_transition") is TRANSITION
            # checked before the approvals are asked (``_b2b_approval_precheck``)
            or self.env.context.get("b2b_submit_check")
        ):
            return message
        if self._b2b_approval_blocked_any():
            return self._b2b_approval_message()
        return False

    def _b2b_approval_blocked_any(self):
        return self._b2b_approval_blocked("dealer") | self._b2b_approval_blocked(
            "seller"
        )

    def _b2b_approval_message(self):
        self.ensure_one()
        return self.env._(
            "%s must be approved before it is confirmed.", self.display_name
        )

    def _b2b_approval_submit(self, requester=None):
        """Request the approvals the quotations need: the dealer's own chain
        first, then the seller's. Returns the quotations that must wait."""
        dealer_blocked = self._b2b_approval_blocked("dealer")
        seller_blocked = (self - dealer_blocked)._b2b_approval_blocked("seller")
        # what would refuse the order afterwards (credit, order rules)
        # refuses it now, before anybody is asked to approve it
        (dealer_blocked | seller_blocked)._b2b_approval_precheck()
        dealer_blocked._b2b_approval_request("dealer", requester=requester)
        seller_blocked._b2b_approval_request("seller", requester=requester)
        return dealer_blocked | seller_blocked

    def _b2b_approval_precheck(self):
        """Raise a ``UserError`` naming the reason when a quotation about to
        be sent for approval could not be confirmed afterwards: Odoo's and
        the suite's confirmation checks (dealer status, order rules...)
        without the approvals themselves, so that nobody approves an order
        that would be refused. Glue modules add their checks (the credit
        policy in b2b_approval_credit) by extending it."""
        for order in self:
            message = order.with_context(
                b2b_submit_check=True
            )._confirmation_error_message()
            if message:
                raise UserError(message)

    def _b2b_approval_on_approved(self, request):
        """The dealer's chain hands the order to the seller; the seller's last
        step confirms it when the rule says so.

        An approved order moves on by itself: when its confirmation is then
        refused (the credit or an order rule changed while it waited), the
        approval stands, the order stays an approved quotation and the people
        concerned are told why (:meth:`_b2b_approval_confirm_refused`)."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                return self._b2b_approval_move_on(request)
        except (UserError, ValidationError) as error:
            self._b2b_approval_confirm_refused(request, error)
            return None

    def _b2b_approval_move_on(self, request):
        self.ensure_one()
        if request.scope != "dealer":
            return super()._b2b_approval_on_approved(request)
        # sudo: the dealer's approver (a portal user) was checked by the engine
        # as the approver of the final dealer step; like sale's own portal
        # acceptance, the order moves on through sudo. The seller-side request
        # is asked in the name of the dealer's requester.
        order = self.sudo()
        requester = request.requester_id
        if order._b2b_approval_blocked("seller"):
            order._b2b_approval_request("seller", requester=requester)
        elif any(request.sudo().rule_ids.mapped("auto_transition")):
            order.action_confirm()
        return None

    def _b2b_approval_confirm_refused(self, request, error):
        """The approved order could not be confirmed: tell the requester and
        the followers why (portal modules also show it on the order)."""
        self.ensure_one()
        body = self.env._(
            "%(order)s is approved, but it could not be confirmed: %(reason)s",
            order=self.display_name,
            reason=str(error),
        )
        self._b2b_approval_post(body, request)
