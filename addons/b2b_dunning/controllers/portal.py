# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Payment reminders in the portal: the home card (invoices overdue and due
soon, late fees to be charged) for the dealer's finance and admin buyers,
and the page where an admin buyer says who receives the reminders. The
rules are in the models."""

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.b2b_portal_credit.controllers.portal import B2bPortalCredit

FINANCE_ROLES = ("finance", "admin")
RECENT_REMINDERS = 20


class B2bDunningPortal(B2bPortalCredit):
    def _b2b_dunning_is_finance(self):
        user = request.env.user
        return bool(self._b2b_dealer()) and any(
            user._b2b_has_role(code) for code in FINANCE_ROLES
        )

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        qcontext = getattr(response, "qcontext", None)
        if qcontext is not None and self._b2b_dunning_is_finance():
            summary = request.env["b2b.dunning.reminder"]._b2b_dealer_summary(
                self._b2b_dealer(), request.env.company
            )
            qcontext["b2b_dunning"] = summary if summary["active"] else False
        return response

    @http.route(
        "/my/b2b/reminders", type="http", auth="user", website=True, methods=["GET"]
    )
    def b2b_portal_reminders(self, **kw):
        dealer = self._b2b_check_dealer(role=FINANCE_ROLES)
        Subscription = request.env["b2b.dunning.subscription"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_reminders",
                "b2b_dealer": dealer.sudo(),
                "b2b_is_admin": request.env.user._b2b_has_role("admin"),
                "b2b_subscriptions": Subscription._b2b_portal_rows(dealer),
                # the dealer's own reminders (record rules)
                "b2b_reminders": request.env["b2b.dunning.reminder"].search(
                    [("dealer_id", "=", dealer.id), ("state", "=", "sent")],
                    limit=RECENT_REMINDERS,
                ),
                "b2b_reminder_message": request.session.pop(
                    "b2b_reminder_message", None
                ),
            }
        )
        return request.render("b2b_dunning.portal_my_b2b_reminders", values)

    @http.route(
        "/my/b2b/reminders/subscription",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_portal_reminders_subscription(self, user_id=None, subscribed=None, **kw):
        """An admin buyer subscribes or unsubscribes a buyer of its dealer."""
        self._b2b_check_dealer(role="admin")
        try:
            target = int(user_id or 0)
        except ValueError:
            target = 0
        try:
            record = request.env["b2b.dunning.subscription"]._b2b_set_subscribed(
                target, subscribed == "1"
            )
        except (UserError, AccessError) as error:
            message = {"level": "danger", "text": str(error)}
        else:
            user = record.sudo().user_id
            message = {
                "level": "success",
                "text": request.env._("%s receives the payment reminders.", user.name)
                if record.sudo().subscribed
                else request.env._(
                    "%s no longer receives the payment reminders.", user.name
                ),
            }
        request.session["b2b_reminder_message"] = message
        return request.redirect("/my/b2b/reminders")
