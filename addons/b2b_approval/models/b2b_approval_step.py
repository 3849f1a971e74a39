# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

APPROVER_TYPES = [
    ("user", "Specific Users"),
    ("group", "Group"),
    ("field", "Field of the Document"),
    ("role", "Buyer Role of the Dealer"),
]


class B2bApprovalStep(models.Model):
    """One ordered step of an approval rule: who approves and how."""

    _name = "b2b.approval.step"
    _description = "Approval Step"
    _order = "sequence, id"

    rule_id = fields.Many2one(
        "b2b.approval.rule", required=True, ondelete="cascade", index=True
    )
    model_name = fields.Char(related="rule_id.model_name")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    approver_type = fields.Selection(
        APPROVER_TYPES, string="Approvers", required=True, default="user"
    )
    user_ids = fields.Many2many(
        "res.users",
        "b2b_approval_step_user_rel",
        "step_id",
        "user_id",
        string="Users",
    )
    group_id = fields.Many2one("res.groups", string="Group", ondelete="restrict")
    approver_field = fields.Char(
        string="Document Field",
        help="Path from the document to a user, e.g. user_id or team_id.user_id "
        "(the salesperson's manager).",
    )
    role_id = fields.Many2one(
        "b2b.buyer.role",
        string="Buyer Role",
        ondelete="restrict",
        help="Portal users of the document's dealer holding this role.",
    )
    mode = fields.Selection(
        [("any", "Any One of Them"), ("all", "All of Them")],
        required=True,
        default="any",
    )
    deadline_hours = fields.Integer(
        string="Deadline (hours)",
        help="After this delay the step is escalated to the fallback approver. "
        "0: no escalation.",
    )
    fallback_user_id = fields.Many2one(
        "res.users",
        string="Fallback Approver",
        ondelete="set null",
        help="Decides the step when it is pending longer than its deadline, or "
        "when the step has no approver.",
    )

    @api.constrains(
        "approver_type", "user_ids", "group_id", "approver_field", "role_id"
    )
    def _check_approvers(self):
        for step in self:
            missing = {
                "user": not step.user_ids,
                "group": not step.group_id,
                "field": not step.approver_field,
                "role": not step.role_id,
            }[step.approver_type]
            if missing:
                raise ValidationError(
                    self.env._("Step %s: say who approves it.", step.name)
                )
            if step.approver_type == "field" and step.model_name:
                step._b2b_check_field_path()

    def _b2b_check_field_path(self):
        self.ensure_one()
        model = self.env[self.model_name]
        for name in self.approver_field.split("."):
            field = model._fields.get(name)
            if not field or field.type != "many2one":
                raise ValidationError(
                    self.env._(
                        "Step %(step)s: %(path)s is not a path of many2one fields.",
                        step=self.name,
                        path=self.approver_field,
                    )
                )
            model = self.env[field.comodel_name]
        if model._name != "res.users":
            raise ValidationError(
                self.env._(
                    "Step %(step)s: %(path)s does not lead to a user.",
                    step=self.name,
                    path=self.approver_field,
                )
            )

    def _b2b_get_approvers(self, document, dealer):
        """Users designated by this step for ``document`` (all active users)."""
        self.ensure_one()
        # sudo: resolving who the approvers are (group members, the dealer's
        # portal users, a field of the document) is not limited by the rights
        # of the requester; only user records are returned.
        Users = self.env["res.users"].sudo()
        if self.approver_type == "user":
            users = self.user_ids
        elif self.approver_type == "group":
            users = self.group_id.sudo().users
        elif self.approver_type == "field":
            users = document.sudo().mapped(self.approver_field)
        else:
            users = (
                Users.search(
                    [
                        ("groups_id", "in", self.role_id.group_id.ids),
                        ("partner_id.commercial_partner_id", "=", dealer.id),
                    ]
                )
                if dealer
                else Users
            )
        return users.filtered("active")
