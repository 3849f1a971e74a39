# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

from ..exceptions import credit_blocked_error

OVERRIDE_FIELDS = (
    "b2b_credit_override_amount",
    "b2b_credit_override_user_id",
    "b2b_credit_override_date",
    "b2b_credit_override_reason",
    "b2b_credit_override_source",
)


class B2bCreditDocumentMixin(models.AbstractModel):
    """A document checked by the credit policies (order, invoice, ...).

    A model opts in by inheriting this mixin and implementing the four
    ``_b2b_credit_document_*`` methods, then calling
    :meth:`_b2b_credit_enforce` at its choke point (the one method every
    path goes through).
    """

    _name = "b2b.credit.document.mixin"
    _description = "Credit-Checked Document"

    b2b_credit_override_amount = fields.Float(
        string="Credit Override Amount",
        digits="Account",
        copy=False,
        readonly=True,
        help="The document may pass the credit checks as long as its amount "
        "does not exceed this amount.",
    )
    b2b_credit_override_user_id = fields.Many2one(
        "res.users", string="Credit Override By", copy=False, readonly=True
    )
    b2b_credit_override_date = fields.Datetime(
        string="Credit Override On", copy=False, readonly=True
    )
    b2b_credit_override_reason = fields.Text(
        string="Credit Override Reason", copy=False, readonly=True
    )
    b2b_credit_override_source = fields.Char(
        string="Credit Override Source", copy=False, readonly=True
    )

    # ------------------------------------------------------------------
    # To implement by each document model
    # ------------------------------------------------------------------
    def _b2b_credit_document_partner(self):
        """The dealer (commercial partner) the document is for."""
        raise NotImplementedError()

    def _b2b_credit_document_company(self):
        raise NotImplementedError()

    def _b2b_credit_document_amount(self):
        """Amount of the document in the company currency."""
        raise NotImplementedError()

    def _b2b_credit_document_exclude(self):
        """{model: ids} to leave out of the exposure (this document)."""
        return {self._name: self.ids}

    def _b2b_credit_get_override_fields(self):
        """The fields of a credit override (written only by the override)."""
        return set(OVERRIDE_FIELDS)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        if (
            any(name in vals for name in self._b2b_credit_get_override_fields())
            and not self.env.context.get("b2b_credit_override_grant")
            and not self.env.su
        ):
            raise AccessError(
                self.env._("Credit overrides are granted only through the override.")
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _b2b_credit_override_valid(self, amount):
        self.ensure_one()
        if not self.b2b_credit_override_date:
            return False
        rounding = self._b2b_credit_document_company().currency_id.rounding
        return (
            float_compare(
                amount, self.b2b_credit_override_amount, precision_rounding=rounding
            )
            <= 0
        )

    def _b2b_credit_decide(self, stage):
        """The credit decisions of ``stage`` for the documents of ``self``,
        without acting on them (no error, no note, no guard row).

        Documents of the same dealer are decided cumulatively on one exposure
        read. Returns a list of ``(dealer, company, guarded, decisions)``
        per dealer and company; ``guarded`` tells whether a policy is active
        (the guard row must be written when the decisions are applied);
        each decision carries its ``document`` and a ``result`` of ``pass``,
        ``warn``, ``block`` or ``override`` (a valid override of a block).
        """
        batches = defaultdict(lambda: self.browse())
        for doc in self:
            dealer = doc._b2b_credit_document_partner()
            if dealer.b2b_is_dealer:
                batches[(dealer, doc._b2b_credit_document_company())] |= doc
        groups = []
        for (dealer, company), docs in batches.items():
            policy = dealer._b2b_get_credit_policy(stage, company)
            if policy == "none" and not (
                stage == "order" and dealer.with_company(company).b2b_credit_hold
            ):
                continue  # plain Odoo: no query, no guard
            exposure = None
            if policy != "none":
                exclude = defaultdict(list)
                for doc in docs:
                    for model, ids in doc._b2b_credit_document_exclude().items():
                        exclude[model] += ids
                exposure = dealer._b2b_credit_exposure(company, exclude)
            decisions = []
            for doc in docs:
                amount = doc._b2b_credit_document_amount()
                decision = dealer._b2b_credit_evaluate(stage, company, amount, exposure)
                decision["document"] = doc
                if decision["result"] == "block" and doc._b2b_credit_override_valid(
                    amount
                ):
                    decision["result"] = "override"
                if exposure is not None:
                    exposure = dict(exposure, total=exposure["total"] + amount)
                decisions.append(decision)
            groups.append((dealer, company, exposure is not None, decisions))
        return groups

    def _b2b_credit_blocked_error(self, decision):
        """The error refusing ``decision`` (a blocked decision)."""
        return credit_blocked_error(
            self.env._(
                "%(document)s cannot pass this step:\n%(message)s",
                document=decision["document"].display_name,
                message=decision["message"],
            ),
            decision,
        )

    def _b2b_credit_enforce(self, stage):
        """Apply the ``stage`` policy to the documents of ``self``.

        The decisions of :meth:`_b2b_credit_decide` are applied: a blocked
        document raises a UserError, a warned one gets a note. When a policy
        is active, the dealer's guard row is written so that a concurrent
        transaction cannot pass on the same stale exposure.

        :return: list of the decisions (for callers and tests)
        """
        result = []
        for dealer, company, guarded, decisions in self._b2b_credit_decide(stage):
            for decision in decisions:
                if decision["result"] == "block":
                    raise self._b2b_credit_blocked_error(decision)
                if decision["result"] == "warn":
                    decision["document"]._b2b_credit_notify(decision)
            if guarded:
                dealer._b2b_credit_guard(company)
            result += decisions
        return result

    def _b2b_credit_notify(self, decision):
        """Record a credit warning on the document."""
        self.ensure_one()
        if hasattr(self, "message_post"):
            self.message_post(
                body=self.env._("Credit warning: %s", decision["message"]),
                subtype_xmlid="mail.mt_note",
            )

    def _b2b_credit_grant_override(self, reason, source=None):
        """Let the documents pass the credit checks up to their current amount.

        Called by the override wizard (credit managers) and designed as the
        hook for approval modules: an approved request calls it with
        ``source`` (a record or a label) and is trusted to have checked its
        own approvers.
        """
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("A reason is required to override credit."))
        if source is None and not self.env.user.has_group(
            "b2b_credit.b2b_credit_group_manager"
        ):
            raise AccessError(self.env._("Only credit managers may override credit."))
        source_label = (
            source.display_name if isinstance(source, models.BaseModel) else source
        )
        audit = self.env["b2b.credit.audit"]
        for doc in self:
            company = doc._b2b_credit_document_company()
            amount = doc._b2b_credit_document_amount()
            before = (
                formatLang(
                    self.env,
                    doc.b2b_credit_override_amount,
                    currency_obj=company.currency_id,
                )
                if doc.b2b_credit_override_date
                else self.env._("Blocked")
            )
            doc.with_context(b2b_credit_override_grant=True).write(
                {
                    "b2b_credit_override_amount": amount,
                    "b2b_credit_override_user_id": self.env.user.id,
                    "b2b_credit_override_date": fields.Datetime.now(),
                    "b2b_credit_override_reason": reason,
                    "b2b_credit_override_source": source_label or False,
                }
            )
            audit._b2b_log(
                doc._b2b_credit_document_partner(),
                "override",
                company_id=company.id,
                res_model=doc._name,
                res_id=doc.id,
                document_name=doc.display_name,
                value_before=before,
                value_after=self.env._(
                    "Allowed up to %s",
                    formatLang(self.env, amount, currency_obj=company.currency_id),
                ),
                reason=reason,
                source=source_label or False,
            )
        return True

    def action_b2b_credit_override(self):
        self.ensure_one()
        if not self.env.user.has_group("b2b_credit.b2b_credit_group_manager"):
            raise AccessError(self.env._("Only credit managers may override credit."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.credit.document.override",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
            },
        }

    def _b2b_credit_warning_for(self, stage):
        """Text of the banner shown on a draft document (empty if none)."""
        self.ensure_one()
        dealer = self._b2b_credit_document_partner()
        if not dealer.b2b_is_dealer or not self.id:
            return ""
        company = self._b2b_credit_document_company()
        policy = dealer._b2b_get_credit_policy(stage, company)
        if policy == "none" and not (
            stage == "order" and dealer.with_company(company).b2b_credit_hold
        ):
            return ""
        exposure = (
            dealer._b2b_credit_exposure(company, self._b2b_credit_document_exclude())
            if policy != "none"
            else None
        )
        decision = dealer._b2b_credit_evaluate(
            stage, company, self._b2b_credit_document_amount(), exposure
        )
        return decision["message"]
