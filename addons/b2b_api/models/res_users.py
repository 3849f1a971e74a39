# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

INTEGRATION_GROUP = "b2b_api.b2b_api_group_integration"


class ResUsers(models.Model):
    _inherit = "res.users"

    b2b_api_integration = fields.Boolean(
        string="Integration User",
        compute="_compute_b2b_api_integration",
        inverse="_inverse_b2b_api_integration",
        help="The user calls the dealer API (model b2b.api) over XML-RPC or "
        "JSON-RPC with an API key, for the dealers listed below only.",
    )
    b2b_api_dealer_ids = fields.Many2many(
        "res.partner",
        "b2b_api_user_dealer_rel",
        "user_id",
        "dealer_id",
        string="API Dealers",
        # a new user made from a template (signup, portal invitation) or a
        # duplicate acts for no dealer until linked: least privilege, and
        # plain users cost no read of the links when created
        copy=False,
        domain="[('b2b_is_dealer', '=', True), ('is_company', '=', True)]",
        help="The dealers this integration user may act for. A dealer's own "
        "portal user can only be linked to its dealer; a brand-side system "
        "user may be linked to several.",
    )
    b2b_api_rate_limit = fields.Integer(
        string="API Calls per Window",
        help="Maximum calls of this integration user per rate window (system "
        "parameter b2b_api.rate_window, in seconds). 0 uses the system "
        "parameter b2b_api.rate_limit.",
    )

    @api.depends("groups_id")
    def _compute_b2b_api_integration(self):
        group = self.env.ref(INTEGRATION_GROUP, raise_if_not_found=False)
        for user in self:
            user.b2b_api_integration = bool(group) and group in user.groups_id

    def _inverse_b2b_api_integration(self):
        group = self.env.ref(INTEGRATION_GROUP)
        for user in self:
            if user.b2b_api_integration and group not in user.groups_id:
                user.groups_id = [fields.Command.link(group.id)]
            elif not user.b2b_api_integration and group in user.groups_id:
                user.groups_id = [fields.Command.unlink(group.id)]

    @api.constrains("b2b_api_dealer_ids")
    def _check_b2b_api_dealer_ids(self):
        self._b2b_api_check_dealers()

    @api.constrains("partner_id", "groups_id")
    def _check_b2b_api_dealer_ids_user(self):
        # Only integration users act for their dealers: creating or editing
        # any other user costs no query of the dealer links (a link written
        # on one is checked by the constraint above; it is checked again
        # when the user becomes an integration user).
        self.filtered(
            lambda user: user._b2b_api_is_integration()
        )._b2b_api_check_dealers()

    def _b2b_api_check_dealers(self):
        for user in self:
            dealers = user.b2b_api_dealer_ids
            if dealers.filtered(
                lambda p: not p.b2b_is_dealer or p.commercial_partner_id != p
            ):
                raise ValidationError(
                    self.env._(
                        "%s: only dealers (companies) can be linked to an "
                        "integration user.",
                        user.name,
                    )
                )
            own = user.partner_id.commercial_partner_id
            if user.share and own.b2b_is_dealer and dealers - own:
                raise ValidationError(
                    self.env._(
                        "%(user)s is a user of the dealer %(dealer)s: it can only "
                        "act for that dealer.",
                        user=user.name,
                        dealer=own.display_name,
                    )
                )

    def _b2b_api_is_integration(self):
        self.ensure_one()
        return self._has_group(INTEGRATION_GROUP)

    def _b2b_is_team_member(self):
        # An integration user is a system of the dealer, not a person of its
        # team: the brand creates it, links it and gives it its API keys;
        # the dealer's admin buyers see it but cannot change it.
        return super()._b2b_is_team_member() and not self._b2b_api_is_integration()

    def action_b2b_api_generate_key(self):
        """Generate an RPC API key for this integration user (shown once)."""
        self.ensure_one()
        if not self.env.user.has_group("base.group_erp_manager"):
            raise AccessError(
                self.env._("Only administrators may create API keys for users.")
            )
        if not self.b2b_api_integration:
            raise ValidationError(
                self.env._("%s is not an integration user.", self.name)
            )
        if self._is_admin():
            # a key in the name of an administrator would open much more than
            # the dealer API to whoever generates it
            raise AccessError(
                self.env._(
                    "%s is an administrator: an integration user must not be one.",
                    self.name,
                )
            )
        # sudo: an administrator (checked above) creates the key in the name of
        # the integration user, who cannot create its own when it is a portal
        # user; the key is restricted to the RPC scope.
        key = (
            self.env["res.users.apikeys"]
            .with_user(self)
            .sudo()
            ._generate(
                "rpc",
                self.env._("Dealer API (by %s)", self.env.user.name),
                None,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.users.apikeys.show",
            "name": self.env._("API Key Ready"),
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_key": key},
        }
