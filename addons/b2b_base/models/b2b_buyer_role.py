# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools


class B2bBuyerRole(models.Model):
    """A role of a dealer's portal user (admin, purchaser, approver, finance).

    Each role is backed by a ``res.groups`` so that access rights and record
    rules of the portal can be written with plain Odoo groups. The roles are
    data: modules may add roles with their own group.
    """

    _name = "b2b.buyer.role"
    _description = "Dealer Buyer Role"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    group_id = fields.Many2one(
        "res.groups",
        required=True,
        ondelete="restrict",
        help="Portal group given to the users that hold this role.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a buyer role must be unique."),
        ("group_uniq", "unique(group_id)", "Each buyer role needs its own group."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        roles = super().create(vals_list)
        self.env.registry.clear_cache()  # _b2b_get_roles_by_group
        return roles

    def write(self, vals):
        res = super().write(vals)
        if {"group_id", "active", "sequence"} & set(vals):
            self.env.registry.clear_cache()  # _b2b_get_roles_by_group
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _b2b_get_roles_by_group
        return res

    @api.model
    @tools.ormcache()
    def _b2b_get_roles_by_group(self):
        """{group id: (role id, active)} of every role, archived ones
        included, in the roles' order.

        Cached: the roles of any user are computed from its groups without a
        query (portal pages, record rules). Odoo clears this cache whenever
        a user's groups change (with every access-rights cache), so setting
        groups costs one query of the roles, then nothing until the next
        change. (Odoo's "groups" cache is kept only 8 entries: too small.)
        """
        # sudo: configuration data, the same for every user.
        roles = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch([], ["group_id", "active"])
        )
        return {role.group_id.id: (role.id, role.active) for role in roles}
