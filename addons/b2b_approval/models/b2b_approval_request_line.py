# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

LINE_STATES = [
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]


class B2bApprovalRequestLine(models.Model):
    """One step of a request: its approvers, its decision and who took it."""

    _name = "b2b.approval.request.line"
    _description = "Approval Step Review"
    _order = "request_id desc, sequence, id"
    _rec_name = "name"

    request_id = fields.Many2one(
        "b2b.approval.request", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Step", required=True)
    step_id = fields.Many2one(
        "b2b.approval.step", string="Rule Step", ondelete="set null"
    )
    mode = fields.Selection(
        [("any", "Any One"), ("all", "All")], required=True, default="any"
    )
    approver_user_ids = fields.Many2many(
        "res.users",
        "b2b_approval_request_line_approver_rel",
        "line_id",
        "user_id",
        string="Approvers",
    )
    approved_user_ids = fields.Many2many(
        "res.users",
        "b2b_approval_request_line_approved_rel",
        "line_id",
        "user_id",
        string="Approved By",
        help="Approvers whose approval is recorded (all-of steps).",
    )
    fallback_user_id = fields.Many2one("res.users", string="Fallback Approver")
    state = fields.Selection(LINE_STATES, required=True, default="pending", index=True)
    is_current = fields.Boolean(
        compute="_compute_is_current",
        store=True,
        index=True,
        help="First pending step of its request: the only one that can be decided.",
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decided_for_id = fields.Many2one(
        "res.users",
        string="On Behalf Of",
        readonly=True,
        help="Approver who delegated the decision to the user who took it.",
    )
    decision_date = fields.Datetime(readonly=True)
    comment = fields.Text(readonly=True)
    date_start = fields.Datetime(string="Pending Since", readonly=True)
    deadline_hours = fields.Integer()
    deadline = fields.Datetime(readonly=True)
    escalated = fields.Boolean(readonly=True)
    # Stored copies of the request for record rules and the inbox.
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, index=True
    )
    dealer_id = fields.Many2one(related="request_id.dealer_id", store=True)
    scope = fields.Selection(related="request_id.scope", store=True)
    requester_id = fields.Many2one(related="request_id.requester_id", store=True)
    res_name = fields.Char(related="request_id.res_name")
    request_state = fields.Selection(related="request_id.state", string="Status")
    b2b_is_my_turn = fields.Boolean(
        string="Waiting for Me",
        compute="_compute_b2b_is_my_turn",
        search="_search_b2b_is_my_turn",
    )

    @api.depends("request_id.line_ids.state", "request_id.line_ids.sequence")
    def _compute_is_current(self):
        for request in self.request_id:
            pending = request.line_ids.filtered(lambda ln: ln.state == "pending")
            current = pending.sorted(lambda ln: (ln.sequence, ln.id))[:1]
            for line in request.line_ids:
                line.is_current = line == current
        (self - self.request_id.line_ids).is_current = False

    def _compute_b2b_is_my_turn(self):
        user = self.env.user
        for line in self:
            line.b2b_is_my_turn = bool(line._b2b_represented(user))

    def _search_b2b_is_my_turn(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search."))
        domain = self._b2b_to_decide_domain(self.env.user)
        if (operator == "=") != value:
            return ["!", *(["&"] * (len(domain) - 1)), *domain]
        return domain

    # ------------------------------------------------------------------
    # Actions (RPC entry points)
    # ------------------------------------------------------------------
    def action_approve(self, comment=False):
        """Approve the step as the current user (a no-op if already done)."""
        for line in self:
            line._b2b_decide("approved", comment)
        return True

    def action_reject(self, reason=False):
        """Reject the step as the current user; a reason is mandatory."""
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the rejection."))
        for line in self:
            line._b2b_decide("rejected", reason)
        return True

    def action_open_reject(self):
        self.ensure_one()
        self._b2b_check_can_decide()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject"),
            "res_model": "b2b.approval.request.line.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def action_open_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.approval.request",
            "res_id": self.request_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _b2b_to_decide_domain(self, user):
        """Domain of the steps ``user`` may decide now (incl. delegations).

        All-of steps already approved by ``user`` are left out.
        """
        delegators = self.env["b2b.approval.delegation"]._b2b_get_delegators(user)
        return [
            ("is_current", "=", True),
            ("state", "=", "pending"),
            ("requester_id", "!=", user.id),
            ("approver_user_ids", "in", (user | delegators).ids),
            ("approved_user_ids", "not in", user.ids),
        ]

    def _b2b_represented(self, user):
        """Approvers of this step ``user`` can decide for, right now.

        Empty when the user is the requester, or when the step is not the
        current step, or when the user is neither an approver nor an active
        delegate of one.
        """
        self.ensure_one()
        # sudo: reading the approvers of a line the caller could read.
        line = self.sudo()
        if user == line.requester_id or not line.is_current or line.state != "pending":
            return self.env["res.users"]
        candidates = user | self.env["b2b.approval.delegation"]._b2b_get_delegators(
            user
        )
        represented = line.approver_user_ids & candidates
        if line.mode == "all":
            represented -= line.approved_user_ids
        return represented

    def _b2b_already_decided_by(self, user, decision):
        """True when ``user`` already gave ``decision`` on this step."""
        self.ensure_one()
        # sudo: reading the approvers of a line the caller could read.
        line = self.sudo()
        mine = line.approver_user_ids & (
            user | self.env["b2b.approval.delegation"]._b2b_get_delegators(user)
        )
        if line.state == decision:
            return user == line.decided_by_id or bool(mine)
        return bool(
            line.state == "pending"
            and decision == "approved"
            and line.mode == "all"
            and mine
            and not (mine - line.approved_user_ids)
        )

    def _b2b_check_can_decide(self):
        """Raise unless the current user may decide this step now."""
        self.ensure_one()
        user = self.env.user
        # Raises AccessError if the user cannot see the request at all (e.g. a
        # portal approver of another dealer).
        self.check_access("read")
        line = self.sudo()
        if user == line.requester_id:
            raise AccessError(
                self.env._("You cannot approve or reject your own request.")
            )
        if line.state == "pending" and not line.is_current:
            raise UserError(
                self.env._(
                    "Step %s cannot be decided before the earlier steps.", line.name
                )
            )
        if line.state != "pending":
            raise UserError(self.env._("Step %s is already decided.", line.name))
        if not self._b2b_represented(user):
            raise AccessError(
                self.env._("You are not an approver of step %s.", line.name)
            )

    def _b2b_lock(self):
        """Lock the row: two concurrent decisions are serialized.

        Under REPEATABLE READ, the loser of the race gets a serialization
        failure as soon as the winner commits; Odoo retries the request and the
        retry sees the decided step (then a no-op).
        """
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(self._table),
                self.id,
            )
        )
        self.invalidate_recordset()
        self.request_id.invalidate_recordset()

    def _b2b_decide(self, decision, comment):
        self.ensure_one()
        user = self.env.user
        self.check_access("read")
        self._b2b_lock()
        # sudo: engine-owned review line, written only after the checks below.
        line = self.sudo()
        if line._b2b_already_decided_by(user, decision):
            return False  # Same decision again (double click, two tabs, retry).
        self._b2b_check_can_decide()
        represented = self._b2b_represented(user)
        now = fields.Datetime.now()
        complete = (
            decision == "rejected"
            or line.mode == "any"
            or (line.escalated and user == line.fallback_user_id)
            or not (line.approver_user_ids - line.approved_user_ids - represented)
        )
        vals = {
            "decided_by_id": user.id,
            "decided_for_id": (represented - user)[:1].id,
            "decision_date": now,
            "comment": comment or False,
        }
        if decision == "approved":
            vals["approved_user_ids"] = [fields.Command.link(u.id) for u in represented]
        if complete:
            vals["state"] = decision
        line.write(vals)
        request = line.request_id
        if not complete:
            request._b2b_close_activities(
                users=represented | user, feedback=comment or self.env._("Approved")
            )
            request.message_post(
                body=self.env._(
                    "%(user)s approved step %(step)s; other approvers still have to "
                    "approve.",
                    user=user.name,
                    step=line.name,
                )
            )
            return True
        request._b2b_on_step_done(line, self.env)
        return True

    def _b2b_escalate(self):
        """Hand the overdue step to its fallback approver."""
        self.ensure_one()
        # sudo: run by the cron; the fallback is configured on the rule.
        line = self.sudo()
        fallback = line.fallback_user_id
        if fallback == line.requester_id:
            return
        line.write(
            {"escalated": True, "approver_user_ids": [fields.Command.link(fallback.id)]}
        )
        line.request_id._b2b_notify_approvers(line, fallback)
        line.request_id.message_post(
            body=self.env._(
                "Step %(step)s was pending past its deadline: escalated to "
                "%(user)s.",
                step=line.name,
                user=fallback.name,
            )
        )
