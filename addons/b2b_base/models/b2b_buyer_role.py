# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


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
