# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import float_round

from odoo.addons.b2b_portal.controllers.portal import B2bPortal

INBOX_URL = "/my/b2b/approvals"
SESSION_KEY = "b2b_approval_message"
# Buyer roles that may be asked to approve (the inbox card is shown to them).
APPROVER_ROLES = ("approver", "finance", "admin")
# Order lines shown on an inbox card (the order page has them all).
LINES_SHOWN = 10


class B2bPortalApproval(B2bPortal):
    # ------------------------------------------------------------------
    # Home card
    # ------------------------------------------------------------------
    def _b2b_is_approver(self):
        user = request.env.user
        return any(user._b2b_has_role(code) for code in APPROVER_ROLES)

    def _b2b_home_values(self):
        values = super()._b2b_home_values()
        # The count itself comes with Odoo's portal counters (/my/counters),
        # after the page is shown: it costs the home page nothing.
        values["b2b_approval_card"] = self._b2b_is_approver()
        return values

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "b2b_approval_count" in counters:
            values["b2b_approval_count"] = (
                self._b2b_approval_count()
                if self._b2b_dealer() and self._b2b_is_approver()
                else 0
            )
        return values

    def _b2b_approval_count(self):
        """Number of dealer-side steps waiting for the current user."""
        user = request.env.user
        Line = request.env["b2b.approval.request.line"]
        return Line.search_count(
            Line._b2b_to_decide_domain(user) + [("scope", "=", "dealer")]
        )

    # ------------------------------------------------------------------
    # Inbox
    # ------------------------------------------------------------------
    def _b2b_approval_pending(self):
        """Dealer-side requests whose current step waits for the current user."""
        user = request.env.user
        requests = request.env["b2b.approval.request"]._b2b_portal_pending_for(user)
        return requests.filtered(lambda r: r.scope == "dealer")

    def _b2b_approval_inbox_items(self, requests):
        """Display values of the inbox rows (batched reads)."""
        # sudo: the engine returned only requests of the user's own dealer
        # whose current step is theirs to decide; the order, its amount and the
        # requester are shown so that the approver knows what they approve.
        requests_sudo = requests.sudo()
        orders = (
            request.env["sale.order"]
            .sudo()
            .browse(
                requests_sudo.filtered(lambda r: r.res_model == "sale.order").mapped(
                    "res_id"
                )
            )
        )
        orders = orders.exists()
        orders_by_id = {order.id: order for order in orders}
        lines = requests_sudo.line_ids.filtered(
            lambda ln: ln.is_current and ln.state == "pending"
        )
        line_by_request = {line.request_id.id: line for line in lines}
        credit = self._b2b_approval_inbox_credit(orders)
        items = []
        for req in requests_sudo:
            line = line_by_request.get(req.id)
            if not line:
                continue
            order = (
                orders_by_id.get(req.res_id) if req.res_model == "sale.order" else None
            )
            items.append(
                {
                    "request": req,
                    "line": line,
                    "order": order,
                    "name": order.name if order else req.res_name,
                    "amount": order.amount_total if order else False,
                    "currency": order.currency_id if order else False,
                    "requester": req.requester_id.name,
                    "step": line.name,
                    "step_count": len(req.line_ids),
                    "step_number": line.sequence,
                    "since": line.date_start,
                    # With the order's access token: the approver may not
                    # follow the order (Odoo's portal rule) but has to read
                    # what they approve.
                    "url": order.get_portal_url() if order else False,
                    "lines": order.order_line.filtered(lambda ln: not ln.display_type)[
                        :LINES_SHOWN
                    ]
                    if order
                    else [],
                    "line_count": len(
                        order.order_line.filtered(lambda ln: not ln.display_type)
                    )
                    if order
                    else 0,
                    "credit": credit.get(order.id) if order else None,
                }
            )
        return items

    def _b2b_approval_inbox_credit(self, orders):
        """{order id: {available, after}}: the dealer's available credit and
        what is left once the order is confirmed, when credit control is
        installed (the orders of the inbox are all of the user's dealer: one
        exposure read)."""
        orders = orders.filtered(lambda o: o.state in ("draft", "sent"))
        if not orders or "b2b_credit_available" not in orders._fields:
            return {}
        dealer = orders[:1].partner_id.commercial_partner_id
        info = dealer._b2b_credit_info(orders[:1].company_id)
        if not info.get("limit"):
            return {}
        return {
            order.id: {
                "available": info["available"],
                "after": info["available"] - order.amount_total,
                "currency": order.company_id.currency_id,
            }
            for order in orders
        }

    @http.route(INBOX_URL, type="http", auth="user", website=True, methods=["GET"])
    def b2b_approvals(self, **kw):
        dealer = self._b2b_check_dealer()
        requests = self._b2b_approval_pending()
        if not requests and not self._b2b_is_approver():
            # a purchaser with no step given to it (a rule may name any buyer
            # as approver): the page "not available for your role", not an
            # inbox that looks empty
            raise self._b2b_role_forbidden(APPROVER_ROLES)
        values = self._prepare_portal_layout_values()
        message = request.session.pop(SESSION_KEY, None) or {}
        values.update(
            {
                "page_name": "b2b_approvals",
                "b2b_dealer": dealer.sudo(),
                "b2b_items": self._b2b_approval_inbox_items(requests),
                "b2b_message": message.get("text"),
                "b2b_message_level": message.get("level", "success"),
            }
        )
        return request.render("b2b_portal_approval.portal_my_b2b_approvals", values)

    def _b2b_approval_line(self, line_id):
        """The step ``line_id`` if the current user may see it, else 404.

        The same answer for a step of another dealer, a seller-side step and a
        step that does not exist.
        """
        self._b2b_check_dealer()
        line = request.env["b2b.approval.request.line"].browse(line_id)
        try:
            line.check_access("read")
            scope = line.scope
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        if scope != "dealer":
            raise NotFound()
        return line

    def _b2b_approval_back_url(self, line, back):
        """Where the decision returns: the inbox, or the order page it was
        taken from (``back == "order"``), never a URL given by the client."""
        if back == "order":
            # sudo: the document of a step the user may read (checked above)
            req = line.sudo().request_id
            if req.res_model == "sale.order":
                order = request.env["sale.order"].sudo().browse(req.res_id).exists()
                if order:
                    return order.get_portal_url()
        return INBOX_URL

    def _b2b_approval_decide(self, line_id, decision, text, back=None):
        line = self._b2b_approval_line(line_id)
        back_url = self._b2b_approval_back_url(line, back)
        user = request.env.user
        already = line._b2b_already_decided_by(user, decision)
        if not already and not line._b2b_represented(user):
            # Not an approver of this step now (purchaser, requester, other
            # approver, decided step): same answer as a foreign step.
            raise NotFound()
        try:
            with request.env.cr.savepoint():
                if decision == "approved":
                    line.action_approve(text)
                else:
                    line.action_reject(text)
        except UserError as error:
            if back_url != INBOX_URL:
                request.session["b2b_portal_error"] = str(error)
                return request.redirect(f"{back_url}&b2b_submit=invalid")
            request.session[SESSION_KEY] = {"text": str(error), "level": "danger"}
            return request.redirect(INBOX_URL)
        # sudo: the name of the document whose step the user just decided.
        name = line.sudo().request_id.res_name
        if decision == "approved":
            text = request.env._("%s approved.", name)
        else:
            text = request.env._("%s rejected.", name)
        request.session[SESSION_KEY] = {"text": text, "level": "success"}
        return request.redirect(back_url)

    @http.route(
        f"{INBOX_URL}/<int:line_id>/approve",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_approval_approve(self, line_id, comment="", b2b_back=None, **kw):
        return self._b2b_approval_decide(
            line_id, "approved", (comment or "").strip(), back=b2b_back
        )

    @http.route(
        f"{INBOX_URL}/<int:line_id>/reject",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_approval_reject(self, line_id, reason="", comment="", b2b_back=None, **kw):
        # One text area serves both buttons of the inbox form ("comment").
        reason = (reason or comment or "").strip()
        return self._b2b_approval_decide(line_id, "rejected", reason, back=b2b_back)

    # ------------------------------------------------------------------
    # Team: spending limit per user
    # ------------------------------------------------------------------
    def _b2b_team_user_values(self, post):
        values = super()._b2b_team_user_values(post)
        if "b2b_spending_limit" in post:
            raw = (post.get("b2b_spending_limit") or "").strip().replace(",", "")
            try:
                limit = float(raw) if raw else 0.0
            except ValueError as error:
                raise UserError(
                    request.env._("The spending limit must be a number.")
                ) from error
            if not math.isfinite(limit) or limit < 0:
                raise UserError(request.env._("The spending limit cannot be negative."))
            values["b2b_spending_limit"] = float_round(
                limit,
                precision_rounding=request.env.company.currency_id.rounding,
            )
        return values
