# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


def _x2many_ids(current, commands):
    """The ids of an x2many field once ``commands`` (Odoo's write commands,
    a recordset or a list of ids) are applied to ``current``."""
    if isinstance(commands, models.BaseModel):
        return set(commands.ids)
    ids = set(current)
    for command in commands or ():
        if isinstance(command, int):
            ids.add(command)
        elif command[0] in (Command.UNLINK, Command.DELETE):
            ids.discard(command[1])
        elif command[0] == Command.LINK:
            ids.add(command[1])
        elif command[0] == Command.CLEAR:
            ids.clear()
        elif command[0] == Command.SET:
            ids = set(command[2])
    return ids


class ResUsers(models.Model):
    _inherit = "res.users"

    b2b_role_ids = fields.Many2many(
        "b2b.buyer.role",
        string="Buyer Roles",
        compute="_compute_b2b_role_ids",
        inverse="_inverse_b2b_role_ids",
        search="_search_b2b_role_ids",
        help="Roles of a dealer's portal user. Each role is a group, so the "
        "roles are stored in the user's groups.",
    )

    @api.depends("groups_id")
    def _compute_b2b_role_ids(self):
        # The roles' groups come from a cache: computing the roles of a user
        # that is nobody's buyer (any internal or plain portal user) costs no
        # query of the suite.
        by_group = self.env["b2b.buyer.role"]._b2b_get_roles_by_group()
        for user in self:
            group_ids = set(user.groups_id.ids)
            user.b2b_role_ids = self.env["b2b.buyer.role"].browse(
                [
                    role_id
                    for group_id, (role_id, active) in by_group.items()
                    if active and group_id in group_ids
                ]
            )

    def _inverse_b2b_role_ids(self):
        by_group = self.env["b2b.buyer.role"]._b2b_get_roles_by_group()
        # sudo: configuration data (the roles' groups).
        roles = (
            self.env["b2b.buyer.role"]
            .sudo()
            .browse([role_id for role_id, active in by_group.values() if active])
        )
        for user in self:
            commands = [
                Command.link(role.group_id.id)
                if role in user.b2b_role_ids
                else Command.unlink(role.group_id.id)
                for role in roles
            ]
            user.groups_id = commands

    def _search_b2b_role_ids(self, operator, value):
        Role = self.env["b2b.buyer.role"].sudo().with_context(active_test=False)
        if operator in ("=", "!=") and not value:
            # "has no role" / "has any role"
            groups = Role.search([]).group_id
            return [("groups_id", "in" if operator == "!=" else "not in", groups.ids)]
        negative = {"!=": "=", "not in": "in", "not ilike": "ilike"}
        positive_operator = negative.get(operator, operator)
        values = value if isinstance(value, list | tuple) else [value]
        fname = "name" if all(isinstance(v, str) for v in values) else "id"
        roles = Role.search([(fname, positive_operator, value)])
        return [
            (
                "groups_id",
                "not in" if operator in negative else "in",
                roles.group_id.ids,
            )
        ]

    @api.model
    def _b2b_role_groups(self):
        """The groups of every role, archived ones included (cached)."""
        by_group = self.env["b2b.buyer.role"]._b2b_get_roles_by_group()
        return self.env["res.groups"].browse(list(by_group))

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        role_groups = self._b2b_role_groups()
        users.filtered(lambda u: u.groups_id & role_groups)._b2b_check_roles()
        return users

    def write(self, vals):
        """Check the buyer roles a user gains (or keeps while becoming internal),
        and that an approved dealer keeps an active admin buyer.

        Removing roles, or revoking the portal access of a user whose dealer
        was suspended meanwhile, stays possible.
        """
        keys = set(vals)
        moved = bool(keys & {"partner_id", "parent_id"})
        groups_change = bool(
            keys & {"groups_id", "b2b_role_ids"}
            or any(key.startswith(("in_group_", "sel_groups_")) for key in keys)
        )
        if not moved and not groups_change and "active" not in keys:
            return super().write(vals)
        # Dealers whose active admin buyers are among these users (read from
        # the users' groups: no query for users that are nobody's admin). The
        # dealer must keep one: checked before writing when the change can be
        # read from ``vals`` (nothing is written, no cache sees a state that
        # is then refused), after it otherwise.
        admin_group = self.env.ref("b2b_base.b2b_base_group_buyer_admin")
        admins = self.filtered(
            lambda u: u.active and u.share and admin_group in u.groups_id
        )
        staying = admins._b2b_admins_after_write(vals, admin_group)
        leaving = admins if staying is None else admins - staying
        admin_dealers = leaving.partner_id.commercial_partner_id.filtered(
            lambda d: d.b2b_is_dealer and d.b2b_state == "approved"
        )
        if admin_dealers and staying is not None:
            admin_dealers._b2b_check_admin_buyers(
                leaving=leaving,
                deactivated=self if "active" in vals and not vals["active"] else None,
            )
        if not moved and not groups_change:
            return super().write(vals)
        role_groups = self._b2b_role_groups()
        before = {user.id: user.groups_id & role_groups for user in self}
        res = super().write(vals)
        self.filtered(
            lambda u: (u.groups_id & role_groups)
            and (moved or not u.share or (u.groups_id & role_groups) - before[u.id])
        )._b2b_check_roles()
        if admin_dealers and staying is None:
            admin_dealers._b2b_check_admin_buyers()
        return res

    def _b2b_admins_after_write(self, vals, admin_group):
        """The users of ``self`` that still hold ``admin_group`` and are
        active once ``vals`` is written, or None when ``vals`` changes groups
        in a way not read here (``in_group_*`` / ``sel_groups_*`` keys)."""
        if any(key.startswith(("in_group_", "sel_groups_")) for key in vals):
            return None
        if "active" in vals and not vals["active"]:
            return self.browse()
        staying = self
        if "b2b_role_ids" in vals:
            roles = self.env["b2b.buyer.role"].sudo()
            for user in self:
                role_ids = _x2many_ids(user.b2b_role_ids.ids, vals["b2b_role_ids"])
                if admin_group not in roles.browse(role_ids).group_id:
                    staying -= user
        if "groups_id" in vals:
            for user in self:
                if admin_group.id not in _x2many_ids(
                    user.groups_id.ids, vals["groups_id"]
                ):
                    staying -= user
        return staying

    def _b2b_check_roles(self):
        """Only portal users of an approved dealer may hold buyer roles."""
        for user in self:
            if not user.share:
                raise ValidationError(
                    self.env._(
                        "%s is an internal user: buyer roles are for portal users "
                        "of a dealer.",
                        user.name,
                    )
                )
            dealer = user.partner_id.commercial_partner_id
            if not dealer.b2b_is_dealer or dealer.b2b_state != "approved":
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot receive buyer roles: %(dealer)s is not an "
                        "approved dealer.",
                        user=user.name,
                        dealer=dealer.display_name,
                    )
                )

    def _b2b_has_role(self, code):
        """True when the user holds the buyer role ``code``."""
        self.ensure_one()
        return code in self.b2b_role_ids.mapped("code")

    def _b2b_dealer(self):
        """The dealer (commercial partner) this portal user buys for, or empty."""
        self.ensure_one()
        dealer = self.partner_id.commercial_partner_id
        return dealer if dealer.b2b_is_dealer else self.env["res.partner"]

    # ------------------------------------------------------------------
    # The dealer's team (managed by its admin buyers, e.g. in the portal)
    # ------------------------------------------------------------------
    def _b2b_is_team_member(self):
        """True when this user is a member of its dealer's team, whom the
        dealer's admin buyers manage (roles, invitations, deactivation): a
        portal user of a dealer.

        Extension point: a module whose portal users of a dealer are not
        people of its team (``b2b_api``: integration users) returns False
        for them. Group checks are cached per user: no query.
        """
        self.ensure_one()
        return bool(self.share and self._b2b_dealer())

    def _b2b_is_team_pending(self):
        """True when this member was invited and never logged in (Odoo's
        ``auth_signup`` state ``new``)."""
        self.ensure_one()
        return self.state == "new"

    def _b2b_team_check_access(self):
        """Refuse unless the current user may manage every user of ``self``:
        the current user is an active admin buyer of a dealer, and each user
        is a member of that dealer's team (``_b2b_is_team_member``).

        Every write of the team page goes through :meth:`_b2b_team_write`,
        so the rule holds for any caller of the model, not only the page.
        """
        actor = self.env.user
        dealer = actor._b2b_dealer() if actor.share else actor.partner_id.browse()
        if not dealer or not actor._b2b_has_role("admin"):
            raise AccessError(
                self.env._("Only an administrator of the dealer manages its team.")
            )
        # sudo: reading the dealer and groups of colleagues (portal users
        # cannot read other users' groups), only to check the rule
        for user in self.sudo():
            if (
                user.partner_id.commercial_partner_id != dealer
                or not user._b2b_is_team_member()
            ):
                raise AccessError(
                    self.env._(
                        "%s is not a member of your team: only the brand can "
                        "change this user.",
                        user.name,
                    )
                )

    def _b2b_team_write(self, vals):
        """Write ``vals`` on team members as their dealer's admin buyer
        (roles, name, spending limit, active). The roles and the dealer's
        last admin are then checked by :meth:`write` as on every path."""
        self._b2b_team_check_access()
        # sudo: a dealer admin (checked above) updates members of its own
        # dealer's team, which portal users cannot write otherwise
        return self.sudo().write(vals)

    def _b2b_team_invite_again(self):
        """Send Odoo's portal invitation again to members that never logged
        in (the e-mail of the portal wizard with a fresh signup link)."""
        self._b2b_team_check_access()
        for user in self.sudo():
            if not user.active or not user._b2b_is_team_pending():
                raise UserError(
                    self.env._(
                        "%s has already accepted the invitation or is " "deactivated.",
                        user.name,
                    )
                )
        # sudo: the dealer admin (checked above) re-sends the invitation of
        # members of its own dealer through Odoo's portal wizard, which only
        # portal managers may run
        wizard = (
            self.env["portal.wizard"]
            .sudo()
            .create({"partner_ids": [Command.set(self.sudo().partner_id.ids)]})
        )
        for wizard_user in wizard.user_ids:
            wizard_user.action_invite_again()
        return True
