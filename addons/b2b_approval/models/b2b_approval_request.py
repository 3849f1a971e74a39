# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from .b2b_approval_rule import SCOPES

REQUEST_STATES = [
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
ACTIVITY_TYPE = "b2b_approval.mail_activity_type_b2b_approval"
SUBTYPE = "b2b_approval.mt_b2b_approval_decision"


class B2bApprovalRequest(models.Model):
    """The approval of one document: its steps (lines) and their history."""

    _name = "b2b.approval.request"
    _description = "Approval Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, readonly=True
    )
    res_name = fields.Char(string="Document", readonly=True)
    scope = fields.Selection(SCOPES, required=True, readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        readonly=True,
        index="btree_not_null",
        help="Commercial partner of the document: its portal approvers only see "
        "the requests of their own dealer.",
    )
    requester_id = fields.Many2one(
        "res.users", string="Requested By", required=True, readonly=True, index=True
    )
    rule_ids = fields.Many2many(
        "b2b.approval.rule",
        "b2b_approval_request_rule_rel",
        "request_id",
        "rule_id",
        string="Rules",
        readonly=True,
    )
    line_ids = fields.One2many(
        "b2b.approval.request.line", "request_id", string="Steps", readonly=True
    )
    state = fields.Selection(
        REQUEST_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
    )
    current_line_id = fields.Many2one(
        "b2b.approval.request.line",
        string="Current Step",
        compute="_compute_current_line_id",
    )
    reset_reason = fields.Char(readonly=True)
    b2b_is_my_turn = fields.Boolean(
        string="Waiting for Me", compute="_compute_b2b_is_my_turn"
    )

    @api.depends("line_ids.state")
    def _compute_state(self):
        for request in self:
            states = set(request.line_ids.mapped("state"))
            if "rejected" in states:
                request.state = "rejected"
            elif "cancelled" in states:
                request.state = "cancelled"
            elif states and states <= {"approved"}:
                request.state = "approved"
            else:
                request.state = "pending"

    @api.depends("line_ids.is_current")
    def _compute_current_line_id(self):
        for request in self:
            request.current_line_id = request.line_ids.filtered("is_current")[:1]

    @api.depends_context("uid")
    @api.depends("line_ids.is_current")
    def _compute_b2b_is_my_turn(self):
        for request in self:
            request.b2b_is_my_turn = bool(
                request.current_line_id
                and request.current_line_id._b2b_represented(self.env.user)
            )

    @api.depends("res_name")
    def _compute_display_name(self):
        for request in self:
            request.display_name = self.env._(
                "Approval of %s", request.res_name or request.res_id
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # The first request of a model turns ``_b2b_model_has_requests`` on
        # (in every worker: the registry cache is cleared for all of them).
        # Afterwards it stays true: creating requests clears nothing.
        if any(
            not self._b2b_model_has_requests(vals.get("res_model"))
            for vals in vals_list
        ):
            self.env.registry.clear_cache()  # _b2b_model_has_requests
        return super().create(vals_list)

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _b2b_model_has_requests
        return res

    @api.model
    @tools.ormcache("model_name")
    def _b2b_model_has_requests(self, model_name):
        """Whether any request (any state) of ``model_name`` exists.

        Cached: a model whose documents never needed an approval costs no
        query where only existing requests matter (cancellation). Requests
        are never deleted by the engine (they are cancelled), so the answer
        only turns true on the first creation, which clears the cache; an
        ``unlink`` clears it too.
        """
        # sudo: existence only, nothing of the requests is returned.
        return bool(self.sudo().search_count([("res_model", "=", model_name)], limit=1))

    # ------------------------------------------------------------------
    # Actions (RPC entry points: every check is done in the line methods)
    # ------------------------------------------------------------------
    def action_approve(self, comment=False):
        """Approve the current step of each request as the current user."""
        for request in self:
            request._b2b_current_line_or_raise().action_approve(comment)
        return True

    def action_reject(self, reason=False):
        """Reject the current step of each request as the current user."""
        for request in self:
            request._b2b_current_line_or_raise().action_reject(reason)
        return True

    def action_open_reject(self):
        self.ensure_one()
        return self._b2b_current_line_or_raise().action_open_reject()

    def action_open_document(self):
        self.ensure_one()
        document = self._b2b_document()
        document.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Business methods (private)
    # ------------------------------------------------------------------
    def _b2b_current_line_or_raise(self):
        self.ensure_one()
        line = self.current_line_id
        if not line:
            raise UserError(
                self.env._("%s has no step waiting for a decision.", self.display_name)
            )
        return line

    def _b2b_document(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    def _b2b_document_hook(self, method, *args):
        """Call ``method`` on the document if it still exists and supports it
        (the document may be of a model whose glue module was removed)."""
        self.ensure_one()
        document = self._b2b_document()
        if document.exists() and hasattr(document, method):
            return getattr(document, method)(*args)
        return None

    @api.model
    def _b2b_create_for(self, document, rules, scope, dealer, requester=None):
        """Create the request of ``document`` for the matching ``rules``."""
        requester = requester or self.env.user
        company = (
            document.company_id
            if "company_id" in document._fields and document.company_id
            else self.env.company
        )
        lines = []
        for rule in rules:
            for step in rule.step_ids:
                approvers = step._b2b_get_approvers(document, dealer) - requester
                if not approvers and step.fallback_user_id != requester:
                    approvers = step.fallback_user_id
                if not approvers:
                    raise UserError(
                        self.env._(
                            "Approval step %(step)s of rule %(rule)s has no approver "
                            "other than you.",
                            step=step.name,
                            rule=rule.name,
                        )
                    )
                lines.append(
                    {
                        "sequence": len(lines) + 1,
                        "name": step.name,
                        "step_id": step.id,
                        "mode": step.mode,
                        "approver_user_ids": [fields.Command.set(approvers.ids)],
                        "fallback_user_id": step.fallback_user_id.id,
                        "deadline_hours": step.deadline_hours,
                    }
                )
        # sudo: the request is an engine-owned record created on behalf of the
        # document, whose transition the caller is allowed to attempt.
        request = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "res_model": document._name,
                    "res_id": document.id,
                    "res_name": document.display_name,
                    "scope": scope,
                    "company_id": company.id,
                    "dealer_id": dealer.id,
                    "requester_id": requester.id,
                    "rule_ids": [fields.Command.set(rules.ids)],
                    "line_ids": [fields.Command.create(vals) for vals in lines],
                }
            )
        )
        request._b2b_activate_current()
        request._b2b_document_hook(
            "_b2b_approval_post",
            self.env._("Approval requested: %s.", ", ".join(rules.mapped("name"))),
            request,
        )
        return request

    def _b2b_harmless_fields(self):
        """Fields harmless for every rule of the request (set of names)."""
        self.ensure_one()
        names = None
        # sudo: rules are configuration, unreadable for portal users.
        for rule in self.sudo().rule_ids:
            rule_names = set(rule.harmless_field_ids.mapped("name"))
            names = rule_names if names is None else names & rule_names
        return names or set()

    def _b2b_activate_current(self):
        """Notify the approvers of the current step and start its deadline."""
        now = fields.Datetime.now()
        # sudo: engine bookkeeping (start date, deadline, activities) on the
        # request, right after a checked decision or the request's creation.
        for request in self.sudo():
            line = request.current_line_id
            if not line or line.date_start:
                continue
            line.date_start = now
            if line.deadline_hours:
                line.deadline = now + timedelta(hours=line.deadline_hours)
            request._b2b_notify_approvers(line, line.approver_user_ids)

    def _b2b_notify_approvers(self, line, users):
        """An activity (and its e-mail) for internal approvers, an e-mail for
        portal approvers."""
        self.ensure_one()
        summary = self.env._(
            "Approve %(doc)s: %(step)s", doc=self.res_name, step=line.name
        )
        deadline = (line.deadline or fields.Datetime.now()).date()
        for user in users.filtered(lambda u: not u.share):
            self.activity_schedule(
                ACTIVITY_TYPE, date_deadline=deadline, summary=summary, user_id=user.id
            )
        portal_partners = users.filtered("share").partner_id
        if portal_partners:
            self.message_notify(
                partner_ids=portal_partners.ids,
                subject=summary,
                body=self.env._("%s waits for your approval.", self.res_name),
            )

    def _b2b_close_activities(self, users=None, feedback=False):
        """Mark the approval activities of ``users`` (default: all) done."""
        activity_type = self.env.ref(ACTIVITY_TYPE)
        # sudo: the activities of other approvers are closed with the step.
        for request in self.sudo():
            activities = request.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
                and (users is None or a.user_id in users)
            )
            if feedback:
                activities.action_feedback(feedback=feedback)
            else:
                activities.unlink()

    def _b2b_reset(self, reason):
        """Cancel the requests: the document has to be approved again."""
        # sudo: a reset follows a change of the document by a user allowed to
        # change it; the requests themselves are read-only for users.
        requests = self.sudo().filtered(lambda r: r.state in ("pending", "approved"))
        if not requests:
            return
        requests.line_ids.filtered(lambda line: line.state != "rejected").write(
            {"state": "cancelled"}
        )
        requests.write({"reset_reason": reason})
        requests._b2b_close_activities()
        for request in requests:
            body = self.env._("Approval reset: %s", reason)
            request.message_post(body=body)
            request._b2b_document_hook("_b2b_approval_post", body, request)

    def _b2b_on_step_done(self, line, user_env):
        """Called after a decision: next step, or final outcome.

        The document hooks run in ``user_env``, the environment of the user who
        decided: the engine never moves the document as superuser.
        """
        self.ensure_one()
        if line.state == "rejected":
            self.line_ids.filtered(lambda ln: ln.state == "pending").write(
                {"state": "cancelled"}
            )
            self._b2b_close_activities()
            body = Markup("%s<br/>%s") % (
                self.env._(
                    "Rejected by %(user)s at step %(step)s.",
                    user=line.decided_by_id.name,
                    step=line.name,
                ),
                line.comment,
            )
            self.message_post(body=body)
            self._b2b_document_hook("_b2b_approval_post", body, self)
            self.with_env(user_env)._b2b_document_hook(
                "_b2b_approval_on_rejected", self
            )
            return
        self._b2b_close_activities()
        body = self.env._(
            "Step %(step)s approved by %(user)s.",
            step=line.name,
            user=line.decided_by_id.name,
        )
        self.message_post(body=body)
        self._b2b_document_hook("_b2b_approval_post", body, self)
        if self.state == "approved":
            self.with_env(user_env)._b2b_document_hook(
                "_b2b_approval_on_approved", self
            )
        else:
            self._b2b_activate_current()

    @api.model
    def _b2b_portal_pending_for(self, user):
        """Requests of the user's dealer whose current step waits for ``user``.

        Meant for the portal: runs with the rights of ``user``.
        """
        lines = self.env["b2b.approval.request.line"].with_user(user)
        return lines.search(lines._b2b_to_decide_domain(user)).request_id

    @api.model
    def _cron_escalate(self):
        """Give the overdue steps to their fallback approver (daily)."""
        lines = self.env["b2b.approval.request.line"].search(
            [
                ("is_current", "=", True),
                ("state", "=", "pending"),
                ("escalated", "=", False),
                ("deadline", "<", fields.Datetime.now()),
                ("fallback_user_id", "!=", False),
            ]
        )
        for line in lines:
            line._b2b_escalate()
        return lines
