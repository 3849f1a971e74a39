# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the dealer admin manages the team (roles, spending
limits, invitations). Who is a member and what the admin may do to it are
rules of ``res.users`` (b2b_base: ``_b2b_is_team_member``,
``_b2b_team_write``, ``_b2b_team_invite_again``); this page only calls them."""

from werkzeug.exceptions import NotFound

from odoo import Command, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from .portal import TEAM_ROLE_CODES, B2bPortal


class B2bPortalTeam(B2bPortal):
    # ------------------------------------------------------------------
    # Team
    # ------------------------------------------------------------------
    def _b2b_team_users(self, dealer):
        """The portal users of ``dealer``: team members first, then the
        users that are not members (integration users), archived included."""
        # sudo: portal users cannot read res.users of colleagues; scoped to
        # the share users of the current user's own dealer
        return (
            request.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("partner_id.commercial_partner_id", "=", dealer.id),
                    ("share", "=", True),
                ],
                order="active desc, name, id",
            )
        )

    def _b2b_team_members(self, dealer):
        return self._b2b_team_users(dealer).filtered(
            lambda user: user._b2b_is_team_member()
        )

    def _b2b_team_roles(self):
        # sudo: the roles are configuration data the dealer admin assigns
        return (
            request.env["b2b.buyer.role"]
            .sudo()
            .search([("code", "in", TEAM_ROLE_CODES)])
        )

    def _b2b_team_user_values(self, post):
        """Values of ``res.users`` from the team form (invite and edit).

        Extension point: other modules add their own fields of the form.
        """
        roles = self._b2b_team_roles().filtered(
            lambda role: post.get(f"role_{role.code}")
        )
        values = {"b2b_role_ids": [Command.set(roles.ids)]}
        name = (post.get("name") or "").strip()
        if name:
            values["name"] = name
        return values

    def _b2b_team_values(self, dealer, **kwargs):
        values = self._prepare_portal_layout_values()
        users = self._b2b_team_users(dealer)
        members = users.filtered(lambda user: user._b2b_is_team_member())
        values.update(
            {
                "page_name": "b2b_team",
                "b2b_dealer": dealer.sudo(),
                "team_users": members,
                # portal users of the dealer that are no team members (its
                # systems' integration users): shown, never editable here
                "team_others": (users - members).filtered("active"),
                "team_roles": self._b2b_team_roles(),
                "edit_user": request.env["res.users"],
                "error": kwargs.get("error"),
                "message": kwargs.get("message"),
            }
        )
        return values

    def _b2b_team_user(self, dealer, user_id):
        """A member of the admin's own team, in the admin's environment (not
        sudo: its writes go through the model's team rules), or 404, the
        same for any other id (another dealer's user, an integration user,
        an id that does not exist)."""
        try:
            user_id = int(user_id)
        except (TypeError, ValueError) as error:
            raise NotFound() from error
        user = self._b2b_team_members(dealer).filtered(lambda u: u.id == user_id)
        if not user:
            raise NotFound()
        return user.with_env(request.env)

    def _b2b_team_render(self, dealer, **kwargs):
        values = self._b2b_team_values(dealer, **kwargs)
        return request.render("b2b_portal.portal_my_team", values)

    @http.route("/my/b2b/team", type="http", auth="user", website=True)
    def b2b_team(self, **kwargs):
        dealer = self._b2b_check_dealer("admin")
        values = self._b2b_team_values(dealer, **kwargs)
        edit_id = kwargs.get("edit")
        if edit_id:
            # sudo: the member's name, roles and limit shown in the form
            values["edit_user"] = self._b2b_team_user(dealer, edit_id).sudo()
        return request.render("b2b_portal.portal_my_team", values)

    @http.route(
        "/my/b2b/team/save", type="http", auth="user", website=True, methods=["POST"]
    )
    def b2b_team_save(self, **post):
        dealer = self._b2b_check_dealer("admin")
        try:
            values = self._b2b_team_user_values(post)
            if post.get("user_id"):
                user = self._b2b_team_user(dealer, post["user_id"])
                # the dealer keeps an active admin: res.users.write refuses
                # otherwise (b2b_base, on every path)
                with request.env.cr.savepoint():
                    user._b2b_team_write(values)
                message = request.env._("%s was updated.", user.sudo().name)
            else:
                user = self._b2b_team_invite(dealer, post, values)
                message = request.env._("%s was invited.", user.name)
        except (AccessError, UserError, ValidationError) as error:
            return self._b2b_team_render(dealer, error=str(error))
        return self._b2b_team_render(dealer, message=message)

    def _b2b_team_invite(self, dealer, post, values):
        """Create a portal user in the dealer and send Odoo's invitation."""
        email = (post.get("email") or "").strip().lower()
        name = values.get("name")
        if not name or not email or "@" not in email:
            raise UserError(
                request.env._("Please enter the name and the e-mail of the colleague.")
            )
        if not values["b2b_role_ids"][0][2]:
            raise UserError(
                request.env._("Please give the colleague at least one role.")
            )
        # sudo: the dealer admin may not create contacts nor users; scoped to a
        # new contact of its own dealer, through Odoo's portal wizard
        Users = request.env["res.users"].sudo().with_context(active_test=False)
        if Users.search_count([("login", "=ilike", email)], limit=1):
            raise UserError(
                request.env._("A user with the e-mail %s already exists.", email)
            )
        with request.env.cr.savepoint():
            contact = (
                request.env["res.partner"]
                .sudo()
                .create(
                    {
                        "name": name,
                        "email": email,
                        "parent_id": dealer.id,
                        "type": "contact",
                    }
                )
            )
            wizard = (
                request.env["portal.wizard"]
                .sudo()
                .create({"partner_ids": [Command.link(contact.id)]})
            )
            wizard.user_ids.action_grant_access()
            user = contact.user_ids[:1]
            user.write(values)
        return user

    @http.route(
        "/my/b2b/team/<int:user_id>/active",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_team_set_active(self, user_id, active="0", **kwargs):
        dealer = self._b2b_check_dealer("admin")
        user = self._b2b_team_user(dealer, user_id)
        active = active == "1"
        try:
            if user == request.env.user and not active:
                raise UserError(request.env._("You cannot deactivate yourself."))
            with request.env.cr.savepoint():
                user._b2b_team_write({"active": active})
        except (AccessError, UserError, ValidationError) as error:
            return self._b2b_team_render(dealer, error=str(error))
        name = user.sudo().name
        message = (
            request.env._("%s was reactivated.", name)
            if active
            else request.env._("%s was deactivated.", name)
        )
        return self._b2b_team_render(dealer, message=message)

    @http.route(
        "/my/b2b/team/<int:user_id>/resend",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_team_resend(self, user_id, **kwargs):
        """Send Odoo's portal invitation again to a member who never logged in."""
        dealer = self._b2b_check_dealer("admin")
        user = self._b2b_team_user(dealer, user_id)
        try:
            with request.env.cr.savepoint():
                user._b2b_team_invite_again()
        except (AccessError, UserError, ValidationError) as error:
            return self._b2b_team_render(dealer, error=str(error))
        user = user.sudo()
        return self._b2b_team_render(
            dealer,
            message=request.env._(
                "The invitation was sent again to %(name)s (%(email)s).",
                name=user.name,
                email=user.email or user.login,
            ),
        )
