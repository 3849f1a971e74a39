# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

from .res_company import CREDIT_STAGES

HOLD_TYPES = [("manual", "Manual"), ("auto", "Automatic (overdue)")]


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    b2b_credit_own_limit = fields.Boolean(
        string="Own Credit Limit",
        help="The dealer keeps its own credit limit when its tier changes.",
    )
    b2b_credit_own_payment_term = fields.Boolean(
        string="Own Payment Terms",
        help="The dealer keeps its own payment terms when its tier changes.",
    )
    b2b_credit_own_grace = fields.Boolean(
        string="Own Grace Period",
        help="The dealer keeps its own grace period when its tier changes.",
    )
    b2b_credit_grace_days = fields.Integer(
        string="Overdue Grace (days)",
        tracking=True,
        help="Days an invoice may be overdue before the dealer is put on hold.",
    )
    # Holds are per company (company-dependent values): a hold in one
    # company does not block the dealer's documents in another one.
    b2b_credit_hold = fields.Boolean(
        string="Credit Hold",
        company_dependent=True,
        # read with the dealer by every credit decision: no query of its own
        prefetch=True,
        tracking=True,
        copy=False,
        readonly=True,
        help="The dealer is on credit hold in the current company.",
    )
    b2b_credit_hold_type = fields.Selection(
        HOLD_TYPES,
        string="Hold Type",
        company_dependent=True,
        tracking=True,
        copy=False,
        readonly=True,
    )
    b2b_credit_hold_reason = fields.Text(
        string="Hold Reason",
        company_dependent=True,
        tracking=True,
        copy=False,
        readonly=True,
    )
    b2b_credit_hold_date = fields.Datetime(
        string="On Hold Since", company_dependent=True, copy=False, readonly=True
    )
    b2b_credit_hold_user_id = fields.Many2one(
        "res.users",
        string="Put on Hold By",
        company_dependent=True,
        copy=False,
        readonly=True,
    )
    b2b_credit_temp_increase = fields.Float(
        string="Temporary Limit Increase",
        digits="Account",
        copy=False,
        readonly=True,
        tracking=True,
    )
    b2b_credit_temp_expiry = fields.Date(
        string="Increase Valid Until", copy=False, readonly=True, tracking=True
    )
    b2b_credit_limit_effective = fields.Float(
        string="Effective Credit Limit",
        digits="Account",
        compute="_compute_b2b_credit",
        help="Credit limit plus any temporary increase still valid. 0 = no limit.",
    )
    b2b_credit_exposure = fields.Float(
        string="Credit Exposure",
        digits="Account",
        compute="_compute_b2b_credit",
        help="Open receivables, confirmed orders not invoiced and draft "
        "invoices of the dealer and all its contacts, in the company currency.",
    )
    b2b_credit_available = fields.Float(
        string="Available Credit",
        digits="Account",
        compute="_compute_b2b_credit",
    )
    b2b_credit_overdue = fields.Float(
        string="Overdue Beyond Grace",
        digits="Account",
        compute="_compute_b2b_credit",
    )
    b2b_credit_audit_count = fields.Integer(compute="_compute_b2b_credit_audit_count")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends_context("company")
    def _compute_b2b_credit(self):
        company = self.env.company
        for partner in self:
            dealer = partner.commercial_partner_id
            if not dealer.b2b_is_dealer or not dealer.id:
                partner.b2b_credit_limit_effective = 0.0
                partner.b2b_credit_exposure = 0.0
                partner.b2b_credit_available = 0.0
                partner.b2b_credit_overdue = 0.0
                continue
            info = dealer._b2b_credit_info(company)
            partner.b2b_credit_limit_effective = info["limit"]
            partner.b2b_credit_exposure = info["exposure"]
            partner.b2b_credit_available = info["available"]
            partner.b2b_credit_overdue = info["overdue"]

    def _compute_b2b_credit_audit_count(self):
        # Reading the count of the audit lines of dealers the user can see.
        groups = self.env["b2b.credit.audit"]._read_group(
            [("partner_id", "in", self.commercial_partner_id.ids)],
            ["partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.b2b_credit_audit_count = counts.get(
                partner.commercial_partner_id.id, 0
            )

    # ------------------------------------------------------------------
    # CRUD: tier defaults
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_tier_field_map(self):
        """{tier field: (partner field, "own value" flag)}.

        A dealer takes the tier's value unless its flag says it has its own.
        """
        return {
            "b2b_credit_limit": ("credit_limit", "b2b_credit_own_limit"),
            "b2b_payment_term_id": (
                "property_payment_term_id",
                "b2b_credit_own_payment_term",
            ),
            "b2b_credit_grace_days": ("b2b_credit_grace_days", "b2b_credit_own_grace"),
        }

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("b2b_tier_id")._b2b_credit_apply_tier_defaults()
        return partners

    def write(self, vals):
        mapping = self._b2b_credit_tier_field_map()
        if not self.env.context.get("b2b_credit_tier_sync"):
            # A value typed on the dealer becomes the dealer's own value.
            for partner_field, own_flag in mapping.values():
                if partner_field in vals and own_flag not in vals:
                    vals = dict(vals, **{own_flag: True})
        partners = self
        if vals.get("use_partner_credit_limit") is False:
            # Unticking Odoo's "Partner Limit" gives up the own limit; the
            # inverse then writes credit_limit, which must not set it again.
            vals = dict(vals, b2b_credit_own_limit=False)
            partners = self.with_context(b2b_credit_tier_sync=True)
        res = super(ResPartner, partners).write(vals)
        released = any(vals.get(flag) is False for _f, flag in mapping.values())
        if "b2b_tier_id" in vals or released:
            self._b2b_credit_apply_tier_defaults()
        return res

    def _b2b_credit_apply_tier_defaults(self, tier_fields=None):
        """Copy the tier's credit terms onto the dealers without own values:
        one write per (company, values) group, not one per dealer (a tier
        review changes thousands of dealers at once)."""
        mapping = self._b2b_credit_tier_field_map()
        groups = defaultdict(lambda: self.browse())
        for dealer in self:
            tier = dealer.b2b_tier_id
            if not tier or dealer != dealer.commercial_partner_id:
                continue
            vals = {}
            for tier_field in tier_fields or mapping:
                partner_field, own_flag = mapping[tier_field]
                if dealer[own_flag]:
                    continue
                value = tier[tier_field]
                vals[partner_field] = (
                    value.id if isinstance(value, models.BaseModel) else value
                )
            if vals:
                company = tier.company_id or self.env.company
                groups[(company, tuple(sorted(vals.items())))] |= dealer
        for (company, vals), dealers in groups.items():
            # Terms are copied as a consequence of a change the user was
            # allowed to make (the tier); credit_limit is restricted to
            # accounting groups, hence sudo on these dealers only.
            dealers.sudo().with_company(company).with_context(
                b2b_credit_tier_sync=True
            ).write(dict(vals))

    # ------------------------------------------------------------------
    # Policy
    # ------------------------------------------------------------------
    def _b2b_get_credit_policy(self, stage, company):
        """Policy (none / warn / block) of ``stage`` for this dealer."""
        self.ensure_one()
        assert stage in CREDIT_STAGES, stage
        # The tier may belong to another company than the one of the current
        # user: read it as superuser, only to get its policy for ``company``.
        tier = self.commercial_partner_id.sudo().b2b_tier_id
        tier_policy = (
            tier[f"b2b_credit_policy_{stage}"]
            if tier and tier.company_id in (company, company.browse())
            else False
        )
        return tier_policy or company[f"b2b_credit_policy_{stage}"]

    def _b2b_credit_limit(self, company, exposure=None):
        """Effective limit in ``company`` (0 = no limit), temporary increase
        included while it is valid.

        :param exposure: result of :meth:`_b2b_credit_exposure`, which reads
            the raw company-dependent limit in its query (saves one query).
        """
        self.ensure_one()
        # credit_limit is restricted to accounting groups; the decision needs
        # the number whoever confirms, so read it as superuser (read only).
        dealer = self.commercial_partner_id.sudo().with_company(company)
        if exposure is not None and "credit_limit" in exposure:
            limit = exposure["credit_limit"]
            if limit is None:
                limit = dealer._fields["credit_limit"].get_company_dependent_fallback(
                    dealer
                )
            limit = limit or 0.0
        else:
            limit = dealer.credit_limit
        if (
            limit
            and dealer.b2b_credit_temp_increase
            and dealer.b2b_credit_temp_expiry
            and dealer.b2b_credit_temp_expiry >= fields.Date.context_today(self)
        ):
            limit += dealer.b2b_credit_temp_increase
        return limit

    # ------------------------------------------------------------------
    # Exposure (computed by b2b.credit.exposure)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_exposure_components(self):
        """{key: label} of the exposure components counted by the suite."""
        return self.env["b2b.credit.exposure"]._b2b_components()

    def _b2b_credit_exposure(self, company, exclude=None):
        """Exposure of this dealer in ``company`` (see
        ``b2b.credit.exposure._b2b_exposure``)."""
        self.ensure_one()
        return self.env["b2b.credit.exposure"]._b2b_exposure(
            self.commercial_partner_id, company, exclude
        )

    def _b2b_credit_info(self, company=None):
        """Credit summary of the dealer, for the backend and the portal.

        :return: dict with currency, limit (0 = none), exposure, available,
            components, overdue, on_hold, hold_reason.
        """
        self.ensure_one()
        company = company or self.env.company
        dealer = self.commercial_partner_id
        exposure = dealer._b2b_credit_exposure(company)
        limit = dealer._b2b_credit_limit(company, exposure)
        components = self._b2b_credit_exposure_components()
        held = dealer.with_company(company)
        return {
            "dealer_id": dealer.id,
            "company_id": company.id,
            "currency_id": company.currency_id.id,
            "limit": limit,
            "exposure": exposure["total"],
            "available": company.currency_id.round(limit - exposure["total"])
            if limit
            else 0.0,
            "unlimited": not limit,
            "components": {
                key: {"label": label, "amount": exposure[key]}
                for key, label in components.items()
                if key in exposure
            },
            "overdue": exposure["overdue"],
            "grace_days": dealer.b2b_credit_grace_days,
            "on_hold": held.b2b_credit_hold,
            "hold_type": held.b2b_credit_hold_type or False,
            "hold_reason": held.b2b_credit_hold_reason or "",
        }

    # ------------------------------------------------------------------
    # Decision
    # ------------------------------------------------------------------
    def _b2b_credit_evaluate(self, stage, company, amount, exposure=None):
        """Credit decision for a document of ``amount`` (company currency).

        :param exposure: the dict of :meth:`_b2b_credit_exposure` computed
            without the document, or None when the policy is "nothing".
        :return: dict(result=pass|warn|block, reasons, limit, exposure,
            amount, shortfall, policy, message)
        """
        self.ensure_one()
        dealer = self.commercial_partner_id
        policy = dealer._b2b_get_credit_policy(stage, company)
        decision = {
            "stage": stage,
            "policy": policy,
            "result": "pass",
            "reasons": [],
            "limit": 0.0,
            "exposure": 0.0,
            "amount": amount,
            "shortfall": 0.0,
            "message": "",
        }
        if not dealer.b2b_is_dealer:
            return decision
        reasons = decision["reasons"]
        if dealer.with_company(company).b2b_credit_hold:
            reasons.append("hold")
        if exposure is not None:
            limit = dealer._b2b_credit_limit(company, exposure)
            total = exposure["total"] + amount
            decision.update(limit=limit, exposure=exposure["total"])
            rounding = company.currency_id.rounding
            if float_compare(exposure["overdue"], 0.0, precision_rounding=rounding) > 0:
                reasons.append("overdue")
                decision["overdue"] = exposure["overdue"]
            if limit and float_compare(total, limit, precision_rounding=rounding) > 0:
                reasons.append("limit")
                decision["shortfall"] = company.currency_id.round(total - limit)
        if not reasons:
            return decision
        if stage == "order" and "hold" in reasons:
            # A hold blocks new confirmations whatever the policy and amount.
            decision["result"] = "block"
        elif policy in ("warn", "block"):
            decision["result"] = policy
        else:
            return decision
        decision["message"] = dealer._b2b_credit_message(decision, company)
        return decision

    def _b2b_credit_message(self, decision, company):
        """Human message of a decision, in the user's language."""
        self.ensure_one()

        def fmt(value):
            return formatLang(self.env, value, currency_obj=company.currency_id)

        lines = []
        if "hold" in decision["reasons"]:
            lines.append(
                self.env._(
                    "%(dealer)s is on credit hold: %(reason)s",
                    dealer=self.display_name,
                    reason=self.with_company(company).b2b_credit_hold_reason or "-",
                )
            )
        if "overdue" in decision["reasons"]:
            lines.append(
                self.env._(
                    "%(dealer)s has %(amount)s of invoices overdue by more than "
                    "%(days)s days.",
                    dealer=self.display_name,
                    amount=fmt(decision.get("overdue", 0.0)),
                    days=self.b2b_credit_grace_days,
                )
            )
        if "limit" in decision["reasons"]:
            lines.append(
                self.env._(
                    "Credit limit of %(dealer)s exceeded: limit %(limit)s, current "
                    "exposure %(exposure)s, this document %(amount)s, shortfall "
                    "%(shortfall)s.",
                    dealer=self.display_name,
                    limit=fmt(decision["limit"]),
                    exposure=fmt(decision["exposure"]),
                    amount=fmt(decision["amount"]),
                    shortfall=fmt(decision["shortfall"]),
                )
            )
        return "\n".join(lines)

    def _b2b_credit_guard(self, company):
        """Serialize credit decisions of these dealers (see b2b.credit.guard)."""
        self.env["b2b.credit.guard"]._b2b_touch(self.commercial_partner_id.ids, company)
