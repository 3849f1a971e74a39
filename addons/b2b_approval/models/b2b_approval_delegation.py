# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bApprovalDelegation(models.Model):
    """An approver hands its approvals to another user for a date range."""

    _name = "b2b.approval.delegation"
    _description = "Approval Delegation"
    _order = "date_from desc, id desc"

    user_id = fields.Many2one(
        "res.users",
        string="Approver",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        ondelete="cascade",
    )
    delegate_id = fields.Many2one(
        "res.users",
        string="Delegate",
        required=True,
        index=True,
        ondelete="cascade",
        help="Decides instead of the approver while the delegation is active.",
    )
    date_from = fields.Date(string="From", required=True, default=fields.Date.today)
    date_to = fields.Date(string="To", required=True)
    note = fields.Char()
    active = fields.Boolean(default=True)

    @api.constrains("user_id", "delegate_id", "date_from", "date_to")
    def _check_dates(self):
        for delegation in self:
            if delegation.date_to < delegation.date_from:
                raise ValidationError(
                    self.env._("A delegation cannot end before it starts.")
                )
            if delegation.user_id == delegation.delegate_id:
                raise ValidationError(
                    self.env._("An approver cannot delegate to themselves.")
                )

    @api.depends("user_id", "delegate_id")
    def _compute_display_name(self):
        for delegation in self:
            delegation.display_name = self.env._(
                "%(user)s → %(delegate)s",
                user=delegation.user_id.name or "",
                delegate=delegation.delegate_id.name or "",
            )

    @api.model
    def _b2b_get_delegators(self, user, day=None):
        """Users whose approvals ``user`` may give on ``day`` (default: today)."""
        day = day or fields.Date.context_today(self)
        # sudo: the caller only learns who delegated to ``user`` itself, which is
        # needed to check the right of ``user`` to decide.
        return (
            self.sudo()
            .search(
                [
                    ("delegate_id", "=", user.id),
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ]
            )
            .user_id
        )
