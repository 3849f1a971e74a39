# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who of a dealer's buyers receives the payment reminders.

The dealer's finance buyers (its finance contacts) and its admin buyers
always do; the other buyers only when subscribed. An admin buyer of the
dealer changes it in the portal. ``_b2b_always_role`` is the one rule of who
cannot be unsubscribed: the portal page (no button) and the route (a clear
error) both use it."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

#: buyer roles that always receive the reminders (cannot be unsubscribed)
ALWAYS_ROLES = ("finance", "admin")


class B2bDunningSubscription(models.Model):
    _name = "b2b.dunning.subscription"
    _description = "Payment Reminder Subscription"
    _order = "dealer_id, user_id"

    user_id = fields.Many2one(
        "res.users", required=True, readonly=True, index=True, ondelete="cascade"
    )
    dealer_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, readonly=True, index=True
    )
    subscribed = fields.Boolean(readonly=True)

    _sql_constraints = [
        ("user_unique", "UNIQUE(user_id)", "A user has one reminder subscription."),
    ]

    # ------------------------------------------------------------------
    # Who receives the reminders
    # ------------------------------------------------------------------
    @api.model
    def _b2b_role_group_ids(self, codes):
        return [
            self.env.ref(f"b2b_base.b2b_base_group_buyer_{code}").id for code in codes
        ]

    @api.model
    def _b2b_buyers(self, dealers):
        """The active buyers (portal users with a role) of ``dealers``, in
        one search."""
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("share", "=", True),
                    ("b2b_role_ids", "!=", False),
                    ("partner_id.commercial_partner_id", "in", dealers.ids),
                ],
                order="name, id",
            )
        )

    @api.model
    def _b2b_always_role(self, user):
        """The role ("finance" or "admin") for which ``user`` always
        receives the reminders and cannot be unsubscribed, else False."""
        return next((code for code in ALWAYS_ROLES if user._b2b_has_role(code)), False)

    @api.model
    def _b2b_is_subscribed(self, user, choices):
        """Whether ``user`` receives the reminders; ``choices``: {user id:
        subscribed} of the stored subscriptions."""
        if self._b2b_always_role(user):
            return True
        return choices.get(user.id, False)

    @api.model
    def _b2b_recipients(self, dealers):
        """{dealer id: partners} who receive the reminders of ``dealers``:
        the finance buyers, the subscribed buyers; a dealer without any gets
        its own address when it has an e-mail. Two searches for every
        dealer."""
        buyers = self._b2b_buyers(dealers)
        choices = {
            sub.user_id.id: sub.subscribed
            for sub in self.sudo().search([("user_id", "in", buyers.ids)])
        }
        result = {dealer.id: self.env["res.partner"] for dealer in dealers}
        for user in buyers:
            if self._b2b_is_subscribed(user, choices):
                result[user.partner_id.commercial_partner_id.id] |= user.partner_id
        for dealer in dealers:
            if not result[dealer.id] and dealer.email:
                result[dealer.id] = dealer
        return result

    # ------------------------------------------------------------------
    # Portal: the dealer's admin changes it
    # ------------------------------------------------------------------
    @api.model
    def _b2b_set_subscribed(self, user_id, subscribed):
        """The current user (an admin buyer) subscribes or unsubscribes a
        buyer of its own dealer. A finance or admin buyer cannot be
        unsubscribed (``_b2b_always_role``)."""
        me = self.env.user
        dealer = me._b2b_dealer() if me.share else self.env["res.partner"]
        if not dealer or not me._b2b_has_role("admin"):
            raise AccessError(
                self.env._(
                    "Only the admin buyers of a dealer manage who receives its "
                    "payment reminders."
                )
            )
        if not isinstance(user_id, int) or isinstance(user_id, bool):
            raise UserError(self.env._("Unknown user."))
        # sudo: the dealer's own buyers (checked below), read and their
        # subscription written by this method only
        user = self.env["res.users"].sudo().browse(user_id).exists()
        if not user or user not in self._b2b_buyers(dealer):
            raise UserError(self.env._("Unknown user."))
        subscribed = bool(subscribed)
        role = self._b2b_always_role(user)
        if not subscribed and role == "finance":
            raise UserError(
                self.env._(
                    "%(user)s is a finance contact of %(dealer)s: finance "
                    "contacts always receive the payment reminders. Change "
                    "their role in the team first.",
                    user=user.name,
                    dealer=dealer.name,
                )
            )
        if not subscribed and role:
            raise UserError(
                self.env._(
                    "%(user)s is an admin of %(dealer)s: admins always receive "
                    "the payment reminders. Change their role in the team first.",
                    user=user.name,
                    dealer=dealer.name,
                )
            )
        record = self.sudo().search([("user_id", "=", user.id)])
        if record:
            record.subscribed = subscribed
        else:
            record = self.sudo().create(
                {"user_id": user.id, "dealer_id": dealer.id, "subscribed": subscribed}
            )
        return record.with_env(self.env)

    @api.model
    def _b2b_portal_rows(self, dealer):
        """[(user, subscribed, always role or False)] of the buyers of
        ``dealer``."""
        buyers = self._b2b_buyers(dealer)
        choices = {
            sub.user_id.id: sub.subscribed
            for sub in self.sudo().search([("user_id", "in", buyers.ids)])
        }
        return [
            (
                user,
                self._b2b_is_subscribed(user, choices),
                self._b2b_always_role(user),
            )
            for user in buyers
        ]
