# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .b2b_approval_rule import SCOPES

DOCUMENT_STATES = [
    ("none", "Not Required"),
    ("pending", "Waiting for Approval"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]

# Unforgeable context marker set by a glue module while it runs the guarded
# transition of approved documents (a Python object cannot travel through
# JSON-RPC / XML-RPC): writes done by the transition itself do not reset the
# approval. Usage: ``records.with_context(b2b_approval_transition=TRANSITION)``.
TRANSITION = object()

# Fields whose change never resets an approval, on any document.
ALWAYS_HARMLESS = {
    "message_follower_ids",
    "message_ids",
    "message_main_attachment_id",
    "activity_ids",
    "website_message_ids",
    "write_date",
    "write_uid",
    "access_token",
}


class B2bApprovalMixin(models.AbstractModel):
    """Opt a document model into approvals.

    A model inherits this mixin and sets a few class attributes::

        _inherit = ["my.document", "b2b.approval.mixin"]
        _b2b_approval_state_field = "state"
        _b2b_approval_state_from = ("draft", "sent")
        _b2b_approval_transition = "action_confirm"

    and calls ``_b2b_approval_blocked()`` / ``_b2b_approval_request()`` in the
    transition it guards. Rules (``b2b.approval.rule``) say when a document
    needs approval and by whom.
    """

    _name = "b2b.approval.mixin"
    _description = "Approval Mixin"

    # Field holding the document's workflow state.
    _b2b_approval_state_field = "state"
    # States in which the approval applies (before the guarded transition).
    _b2b_approval_state_from = ("draft",)
    # Method run when the last step approves and the rule proceeds automatically.
    _b2b_approval_transition = None
    # Field leading to the customer (its commercial partner is the dealer).
    _b2b_approval_dealer_field = "partner_id"

    b2b_approval_state = fields.Selection(
        DOCUMENT_STATES,
        string="Approval",
        compute="_compute_b2b_approval_state",
        search="_search_b2b_approval_state",
    )
    b2b_approval_request_ids = fields.Many2many(
        "b2b.approval.request",
        string="Approval Requests",
        compute="_compute_b2b_approval_state",
    )
    b2b_approval_request_count = fields.Integer(
        string="Approval Request Count", compute="_compute_b2b_approval_state"
    )

    def _compute_b2b_approval_state(self):
        requests = self._b2b_approval_requests()
        for record in self:
            mine = requests.filtered(lambda r, rec=record: r.res_id == rec.id)
            record.b2b_approval_request_ids = mine
            record.b2b_approval_request_count = len(mine)
            latest = {}
            for request in mine.sorted("id"):
                if request.state != "cancelled":
                    latest[request.scope] = request.state
                else:
                    latest.pop(request.scope, None)
            states = set(latest.values())
            if "rejected" in states:
                record.b2b_approval_state = "rejected"
            elif "pending" in states:
                record.b2b_approval_state = "pending"
            elif states:
                record.b2b_approval_state = "approved"
            else:
                record.b2b_approval_state = "none"

    def _search_b2b_approval_state(self, operator, value):
        if operator not in ("=", "!=") or value not in dict(DOCUMENT_STATES):
            raise UserError(self.env._("Unsupported search on the approval status."))
        # sudo: only the ids of the documents are used; the search on the
        # document itself applies the user's rights.
        Request = self.env["b2b.approval.request"].sudo()
        domain = [("res_model", "=", self._name)]
        if value == "none":
            ids = Request.search(domain + [("state", "!=", "cancelled")]).mapped(
                "res_id"
            )
            positive = [("id", "not in", ids)]
        else:
            ids = Request.search(domain + [("state", "=", value)]).mapped("res_id")
            positive = [("id", "in", ids)]
        if operator == "=":
            return positive
        return ["!", *positive]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        state_field = self._b2b_approval_state_field
        if (
            self.env.context.get("b2b_approval_transition") is TRANSITION
            or not (set(vals) - ALWAYS_HARMLESS)
            # Leaving the approvable states (confirmation, cancellation,
            # posting, ...): every record ends outside ``state_from``, where
            # the loop below never resets anything; no lookup (a document
            # that leaves them by cancellation is handled by the glue's
            # cancel hook, ``_b2b_approval_cancelled``).
            or (
                state_field in vals
                and vals[state_field] not in self._b2b_approval_state_from
            )
            # Only the state changes, inside the approvable states (e.g. the
            # quotation is sent): nothing to reset unless a record is reopened.
            or (
                not (set(vals) - ALWAYS_HARMLESS - {state_field})
                and all(
                    state in self._b2b_approval_state_from
                    for state in self.mapped(state_field)
                )
            )
            or not self._b2b_approval_has_rules()
        ):
            return super().write(vals)
        requests = self._b2b_approval_requests(states=("pending", "approved"))
        if not requests:
            return super().write(vals)
        state_from = self._b2b_approval_state_from
        candidates = [
            name
            for name in set(vals) - ALWAYS_HARMLESS - {state_field}
            if name in self._fields
        ]
        before = {
            record.id: (record[state_field], record._b2b_approval_values(candidates))
            for record in self
        }
        res = super().write(vals)
        for record in self:
            mine = requests.filtered(lambda r, rec=record: r.res_id == rec.id)
            old_state, old_values = before[record.id]
            if not mine or record[state_field] not in state_from:
                continue  # No approval, or the guarded transition itself.
            if old_state not in state_from:
                # Back to draft (e.g. cancel then reset): older approvals are void.
                mine._b2b_reset(record.env._("the document was reopened"))
                continue
            new_values = record._b2b_approval_values(candidates)
            changed = {
                name for name in candidates if new_values[name] != old_values[name]
            }
            if changed:
                record._b2b_approval_on_change(changed, mine)
        return res

    def _b2b_approval_values(self, names):
        """Comparable values of ``names`` (only real changes reset approvals)."""
        self.ensure_one()
        values = {}
        for name in names:
            value = self[name]
            if isinstance(value, models.BaseModel):
                value = tuple(sorted(value.ids))
            values[name] = value
        return values

    def unlink(self):
        if not self._b2b_approval_has_rules():
            return super().unlink()
        requests = self._b2b_approval_requests(states=("pending",))
        requests._b2b_reset(self.env._("the document was deleted"))
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.model
    def _b2b_approval_load_terms(self):
        """Load this module's translations again, for the installed languages.

        The labels of the approval state of a document (*Waiting for
        Approval*, *Approved*) belong to this module, whose field the mixin
        gives: they are made when a glue module adds the mixin to its model,
        after this module's catalogue was loaded, so Odoo leaves them in
        English (as it does for the fields of its own mixins). Glue modules
        call this from their ``post_init_hook``.
        """
        langs = [
            code
            for code, _name in self.env["res.lang"].get_installed()
            if code != "en_US"
        ]
        if langs:
            self.env["ir.module.module"]._load_module_terms(["b2b_approval"], langs)

    def action_b2b_approval_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_approval.b2b_approval_request_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Business methods (private API for glue modules)
    # ------------------------------------------------------------------
    def _b2b_approval_requests(self, states=None, scope=None):
        """Requests of these documents (sudo), newest first."""
        if not self.ids:
            return self.env["b2b.approval.request"]
        domain = [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        if states:
            domain.append(("state", "in", list(states)))
        if scope:
            domain.append(("scope", "=", scope))
        # sudo: the requests of documents the user is working on; nothing of
        # them is returned to the client by this private method.
        return self.env["b2b.approval.request"].sudo().search(domain)

    def _b2b_approval_may_have_requests(self):
        """Whether a request of this model may exist (cached, no query once
        known; see ``b2b.approval.request._b2b_model_has_requests``).

        False only when no request of the model exists at all, whatever its
        rule (active, archived or deleted): a model that never needed an
        approval pays nothing where only existing requests matter.
        """
        return self.env["b2b.approval.request"]._b2b_model_has_requests(self._name)

    def _b2b_approval_cancelled(self, reason):
        """Close the pending (or approved, unused) requests of cancelled
        documents, even of rules archived since: a glue module calls it from
        its cancel method. No query for a model without any request."""
        if self.ids and self._b2b_approval_may_have_requests():
            self._b2b_approval_requests(states=("pending", "approved"))._b2b_reset(
                reason
            )

    def _b2b_approval_dealer(self):
        """The dealer (commercial partner) of the document, or empty."""
        self.ensure_one()
        field = self._b2b_approval_dealer_field
        if not field or field not in self._fields:
            return self.env["res.partner"]
        return self[field].commercial_partner_id

    def _b2b_approval_has_rules(self):
        """Whether any active rule exists for this model (cached, no query).

        Documents of a model without rules pay nothing on write.
        """
        Rule = self.env["b2b.approval.rule"]
        return any(Rule._b2b_get_rule_ids(self._name, scope) for scope, _l in SCOPES)

    def _b2b_approval_rules(self, scope):
        """All active rules of this model for ``scope`` (cached ids, sudo)."""
        Rule = self.env["b2b.approval.rule"]
        # sudo: rules are configuration; any user attempting a transition must
        # know whether it needs approval.
        return Rule.sudo().browse(Rule._b2b_get_rule_ids(self._name, scope))

    def _b2b_approval_matching(self, scope, rules=None):
        """{record: matching rules} for the records in an approvable state."""
        rules = self._b2b_approval_rules(scope) if rules is None else rules
        result = {}
        if not rules:
            return result
        state_from = self._b2b_approval_state_from
        for record in self:
            if record[self._b2b_approval_state_field] not in state_from:
                continue
            dealer = record._b2b_approval_dealer()
            matching = rules.filtered(
                lambda r, rec=record, d=dealer: r._b2b_match(rec, d)
            )
            if matching:
                result[record] = matching
        return result

    def _b2b_approval_blocked(self, scope="seller"):
        """Records that need an approval they do not have (yet)."""
        matching = self._b2b_approval_matching(scope)
        if not matching:
            return self.browse()
        records = self.browse([record.id for record in matching])
        requests = records._b2b_approval_requests(scope=scope)
        blocked = self.browse()
        for record, rules in matching.items():
            latest = requests.filtered(
                lambda r, rec=record: r.res_id == rec.id and r.state != "cancelled"
            )[:1]
            if not (latest.state == "approved" and rules <= latest.rule_ids):
                blocked |= record
        return blocked

    def _b2b_approval_request(self, scope="seller", requester=None):
        """Create the missing requests of the records that need approval.

        ``requester`` (default: the current user) is the user who asks; they
        can never approve the request. Returns the pending requests of the
        records (new or existing).
        """
        matching = self._b2b_approval_matching(scope)
        Request = self.env["b2b.approval.request"]
        result = Request.sudo()  # empty: the requests below are sudo as well
        if not matching:
            return result
        records = self.browse([record.id for record in matching])
        requests = records._b2b_approval_requests(scope=scope)
        for record, rules in matching.items():
            latest = requests.filtered(
                lambda r, rec=record: r.res_id == rec.id and r.state != "cancelled"
            )[:1]
            if latest.state == "pending" and rules <= latest.rule_ids:
                result |= latest
                continue
            if latest.state == "approved" and rules <= latest.rule_ids:
                continue
            if latest.state in ("pending", "approved"):
                latest._b2b_reset(self.env._("the rules that apply have changed"))
            result |= Request._b2b_create_for(
                record, rules, scope, record._b2b_approval_dealer(), requester
            )
        return result

    def _b2b_get_approval_harmless_fields(self):
        """Fields harmless on every rule of this model (besides each rule's
        own): changing them never resets an approval. Glue modules add theirs
        by overriding: ``return super()._b2b_get_approval_harmless_fields() |
        {...}``."""
        return set(ALWAYS_HARMLESS)

    def _b2b_approval_on_change(self, field_names, requests):
        """Reset ``requests`` if one of ``field_names`` matters to them."""
        self.ensure_one()
        always = self._b2b_get_approval_harmless_fields()
        always.add(self._b2b_approval_state_field)
        to_reset = self.env["b2b.approval.request"]
        changed = set()
        for request in requests:
            material = field_names - always - request._b2b_harmless_fields()
            if material:
                to_reset |= request
                changed |= material
        if to_reset:
            labels = sorted(
                self._fields[name].get_description(self.env)["string"]
                for name in changed
                if name in self._fields
            )
            to_reset._b2b_reset(
                self.env._("%s changed", ", ".join(labels) or ", ".join(changed))
            )

    def _b2b_approval_post(self, body, request):
        """Tell the requester and the followers of the document."""
        self.ensure_one()
        if not hasattr(self, "message_post") or not self.exists():
            return
        # sudo: the requester of a request the engine is processing.
        requester = request.sudo().requester_id
        # sudo: approvers (e.g. portal approvers) need not be allowed to post on
        # the document; the message only reports the decision they just took.
        document = self.sudo()
        document.message_post(
            body=body,
            subtype_xmlid="b2b_approval.mt_b2b_approval_decision",
            partner_ids=requester.filtered(lambda u: not u.share).partner_id.ids,
        )
        if requester.share:
            # The internal note is hidden from portal users: a portal requester
            # (a dealer's purchaser) is told directly.
            document.message_notify(
                partner_ids=requester.partner_id.ids,
                body=body,
                subject=self.env._("Approval of %s", self.display_name),
            )

    def _b2b_approval_on_approved(self, request):
        """Hook: the last step of ``request`` approved the document."""
        self.ensure_one()
        method = self._b2b_approval_transition
        if (
            method
            # sudo: rules are configuration, unreadable for portal approvers.
            and any(request.sudo().rule_ids.mapped("auto_transition"))
            and self[self._b2b_approval_state_field] in self._b2b_approval_state_from
        ):
            getattr(self, method)()

    def _b2b_approval_on_rejected(self, request):
        """Hook: ``request`` was rejected (the document stays where it is)."""
        self.ensure_one()

    def _b2b_approval_fields_changed(self, field_names):
        """Helper for glue modules (e.g. order lines changed)."""
        if (
            self.env.context.get("b2b_approval_transition") is TRANSITION
            or not self._b2b_approval_has_rules()
        ):
            return
        requests = self._b2b_approval_requests(states=("pending", "approved"))
        for record in self:
            if (
                record[self._b2b_approval_state_field]
                not in self._b2b_approval_state_from
            ):
                continue
            mine = requests.filtered(lambda r, rec=record: r.res_id == rec.id)
            if mine:
                record._b2b_approval_on_change(set(field_names), mine)
