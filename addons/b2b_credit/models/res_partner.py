# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_compare
from odoo.tools.misc import formatLang

from .res_company import CREDIT_STAGES

HOLD_TYPES = [("manual", "Manual"), ("auto", "Automatic (overdue)")]

#: hold fields, once plain columns, now company-dependent (jsonb), and how an
#: old value becomes the JSON value of each company
HOLD_COLUMNS = {
    "b2b_credit_hold": "CASE WHEN old THEN to_jsonb(true) END",
    "b2b_credit_hold_type": "to_jsonb(old)",
    "b2b_credit_hold_reason": "to_jsonb(old)",
    "b2b_credit_hold_date": "to_jsonb(to_char(old, 'YYYY-MM-DD HH24:MI:SS'))",
    "b2b_credit_hold_user_id": "to_jsonb(old)",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

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

    def _auto_init(self):
        self._b2b_credit_migrate_hold_columns()
        return super()._auto_init()

    def _b2b_credit_migrate_hold_columns(self):
        """Databases where the hold fields were plain columns (a dealer held
        everywhere): keep each hold, for every company, in the
        company-dependent (jsonb) columns Odoo expects."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'res_partner' AND column_name = ANY(%s) "
                "AND data_type != 'jsonb'",
                list(HOLD_COLUMNS),
            )
        )
        for (column,) in cr.fetchall():
            old = f"{column}_b2b_old"
            cr.execute(
                SQL(
                    "ALTER TABLE res_partner RENAME COLUMN %s TO %s",
                    SQL.identifier(column),
                    SQL.identifier(old),
                )
            )
            cr.execute(
                SQL(
                    "ALTER TABLE res_partner ADD COLUMN %s jsonb",
                    SQL.identifier(column),
                )
            )
            value = SQL(
                HOLD_COLUMNS[column].replace("old", "p.%s"), SQL.identifier(old)
            )
            cr.execute(
                SQL(
                    """
                    UPDATE res_partner p
                       SET %(column)s = (
                           SELECT jsonb_object_agg(c.id::text, %(value)s)
                             FROM res_company c)
                     WHERE %(value)s IS NOT NULL
                    """,
                    column=SQL.identifier(column),
                    value=value,
                )
            )
            cr.execute(
                SQL("ALTER TABLE res_partner DROP COLUMN %s", SQL.identifier(old))
            )

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
        """Copy the tier's credit terms onto the dealers without own values."""
        mapping = self._b2b_credit_tier_field_map()
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
                # Terms are copied as a consequence of a change the user was
                # allowed to make (the tier); credit_limit is restricted to
                # accounting groups, hence sudo on these dealers only.
                dealer.sudo().with_company(
                    tier.company_id or self.env.company
                ).with_context(b2b_credit_tier_sync=True).write(vals)

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
    # Exposure
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_exposure_components(self):
        """Registry of exposure components {key: label}; glue modules add theirs."""
        return {
            "receivable": self.env._("Open receivables"),
            "draft_invoice": self.env._("Draft invoices"),
        }

    def _b2b_credit_contacts_sql(self):
        """SQL array of the ids of the dealer and all its contacts, evaluated
        once by PostgreSQL (then index lookups, whatever the statistics)."""
        self.ensure_one()
        return SQL(
            "ARRAY(SELECT rp.id FROM res_partner rp "
            "WHERE rp.commercial_partner_id = %s)",
            self.id,
        )

    def _b2b_credit_receivable_cte(self, company):
        """SQL body of the ``b2b_receivable`` CTE: one scan of the dealer's
        open receivable lines giving their residual (``amount``) and the part
        overdue beyond the grace period (``overdue``).

        Contacts and receivable accounts are given as arrays rather than
        joins: a third of the planning time and no hash join per journal
        item (``EXPLAIN ANALYZE`` on the whale dealer, see
        docs/PERFORMANCE.md)."""
        self.ensure_one()
        return SQL(
            """
            SELECT COALESCE(SUM(aml.amount_residual), 0) AS amount,
                   COALESCE(SUM(aml.amount_residual) FILTER (
                       WHERE aml.amount_residual > 0
                         AND aml.date_maturity < %(today)s::date - %(grace)s
                   ), 0) AS overdue
              FROM account_move_line aml
             WHERE aml.partner_id = ANY(%(contacts)s)
               AND aml.company_id = %(company)s
               AND aml.parent_state = 'posted'
               AND aml.reconciled IS NOT TRUE
               AND aml.account_id = ANY(ARRAY(
                       SELECT acc.id FROM account_account acc
                        WHERE acc.account_type = 'asset_receivable'))
            """,
            contacts=self._b2b_credit_contacts_sql(),
            company=company.id,
            today=fields.Date.context_today(self),
            grace=max(self.b2b_credit_grace_days, 0),
        )

    def _b2b_credit_exposure_queries(self, company, exclude):
        """{component: SQL scalar sub-query} of the components counted by
        ``company`` for this dealer, in the company currency.

        The sub-queries may read the CTE ``b2b_receivable`` (see
        :meth:`_b2b_credit_receivable_cte`).

        :param exclude: {model name: ids} of documents to leave out (the
            document being checked, whose amount is added separately).
        """
        self.ensure_one()
        queries = {}
        if company.b2b_credit_include_receivable:
            queries["receivable"] = SQL("(SELECT amount FROM b2b_receivable)")
        if company.b2b_credit_include_draft_invoice:
            queries["draft_invoice"] = SQL(
                """(
                SELECT COALESCE(SUM(am.amount_total_signed), 0)
                  FROM account_move am
                 WHERE am.commercial_partner_id = %(dealer)s
                   AND am.company_id = %(company)s
                   AND am.state = 'draft'
                   AND am.move_type IN ('out_invoice', 'out_refund')
                   AND am.id != ALL(%(excluded)s::int[])
                )""",
                dealer=self.id,
                company=company.id,
                excluded=list(exclude.get("account.move", [])),
            )
        return queries

    def _b2b_credit_exposure(self, company, exclude=None):
        """Exposure of this dealer in ``company``, in one query.

        :return: {component: amount, ..., "total": sum, "overdue": amount
            overdue beyond the grace period}
        """
        self.ensure_one()
        dealer = self.commercial_partner_id
        exclude = exclude or {}
        queries = dealer._b2b_credit_exposure_queries(company, exclude)
        queries["overdue"] = SQL("(SELECT overdue FROM b2b_receivable)")
        # The company-dependent limit, read in the same round trip (NULL when
        # the dealer has no value in this company: Odoo's fallback applies).
        queries["credit_limit"] = SQL(
            "(SELECT (rp.credit_limit->>%(company)s)::float FROM res_partner rp "
            "WHERE rp.id = %(dealer)s)",
            company=str(company.id),
            dealer=dealer.id,
        )
        # Exposure reads the tables directly: write pending ORM changes first.
        self.env.flush_all()
        keys = list(queries)
        self.env.cr.execute(
            SQL(
                "WITH b2b_receivable AS MATERIALIZED (%s) SELECT %s",
                dealer._b2b_credit_receivable_cte(company),
                SQL(", ").join(
                    SQL("%s AS %s", queries[key], SQL.identifier(key)) for key in keys
                ),
            )
        )
        row = dict(zip(keys, self.env.cr.fetchone(), strict=True))
        currency = company.currency_id
        result = {
            key: currency.round(float(value or 0.0))
            for key, value in row.items()
            if key != "credit_limit"
        }
        result["total"] = currency.round(
            sum(value for key, value in result.items() if key != "overdue")
        )
        result["credit_limit"] = row["credit_limit"]
        return result

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

    # ------------------------------------------------------------------
    # Holds and temporary increases
    # ------------------------------------------------------------------
    def _b2b_credit_check_manager(self):
        if not self.env.user.has_group("b2b_credit.b2b_credit_group_manager"):
            raise AccessError(
                self.env._("Only credit managers may change credit holds and limits.")
            )

    def _b2b_credit_set_hold(self, reason, hold_type="manual", company=None):
        """Put the dealers on hold in ``company`` (default: the current one).
        Manual holds need a credit manager."""
        reason = (reason or "").strip()
        if hold_type not in dict(HOLD_TYPES):
            raise UserError(self.env._("Unknown hold type."))
        if hold_type == "manual":
            self._b2b_credit_check_manager()
            if not reason:
                raise UserError(self.env._("A reason is required to put a hold."))
        company = self._b2b_credit_hold_company(company)
        audit = self.env["b2b.credit.audit"]
        event = "hold" if hold_type == "manual" else "auto_hold"
        dealers = self.commercial_partner_id.with_company(company)
        for dealer in dealers:
            audit._b2b_log(
                dealer,
                event,
                company_id=company.id,
                value_before=self._b2b_credit_hold_label(dealer),
                value_after=dict(HOLD_TYPES)[hold_type],
                reason=reason,
            )
        # Hold fields are read-only in the interface and set only here, after
        # the manager check above (or by the automatic job).
        dealers.sudo().write(
            {
                "b2b_credit_hold": True,
                "b2b_credit_hold_type": hold_type,
                "b2b_credit_hold_reason": reason,
                "b2b_credit_hold_date": fields.Datetime.now(),
                "b2b_credit_hold_user_id": self.env.user.id,
            }
        )
        return True

    def _b2b_credit_release_hold(self, reason, auto=False, company=None):
        """Release the hold of the dealers in ``company`` (default: the current
        one); credit manager unless ``auto``."""
        reason = (reason or "").strip()
        if not auto:
            self._b2b_credit_check_manager()
            if not reason:
                raise UserError(self.env._("A reason is required to release a hold."))
        company = self._b2b_credit_hold_company(company)
        dealers = self.commercial_partner_id.with_company(company).filtered(
            "b2b_credit_hold"
        )
        audit = self.env["b2b.credit.audit"]
        for dealer in dealers:
            audit._b2b_log(
                dealer,
                "auto_release" if auto else "release",
                company_id=company.id,
                value_before=self._b2b_credit_hold_label(dealer),
                value_after=self.env._("Released"),
                reason=reason,
            )
        # See _b2b_credit_set_hold.
        dealers.sudo().write(
            {
                "b2b_credit_hold": False,
                "b2b_credit_hold_type": False,
                "b2b_credit_hold_reason": False,
                "b2b_credit_hold_date": False,
                "b2b_credit_hold_user_id": False,
            }
        )
        return True

    def _b2b_credit_hold_company(self, company):
        """The company of a hold: ``company`` or the current one, which must
        be one of the user's companies."""
        company = company or self.env.company
        if not isinstance(company, models.BaseModel) or company._name != "res.company":
            raise UserError(self.env._("A hold applies to a company."))
        company.ensure_one()
        if not self.env.su and company not in self.env.user.company_ids:
            raise AccessError(self.env._("You cannot change holds in this company."))
        return company

    def _b2b_credit_hold_label(self, dealer):
        if not dealer.b2b_credit_hold:
            return self.env._("No hold")
        return dict(
            self._fields["b2b_credit_hold_type"]._description_selection(self.env)
        ).get(dealer.b2b_credit_hold_type, "")

    def _b2b_credit_grant_increase(self, amount, expiry, reason, company=None):
        """Temporary limit increase of ``amount`` until ``expiry`` (audited)."""
        self._b2b_credit_check_manager()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("A reason is required to raise a limit."))
        if amount <= 0:
            raise UserError(self.env._("The increase must be positive."))
        if not expiry or expiry < fields.Date.context_today(self):
            raise UserError(self.env._("The expiry date must be today or later."))
        company = company or self.env.company
        audit = self.env["b2b.credit.audit"]
        for dealer in self.commercial_partner_id:
            before = dealer._b2b_credit_limit(company)
            if not before:
                raise UserError(
                    self.env._(
                        "%s has no credit limit: there is nothing to increase.",
                        dealer.display_name,
                    )
                )
            # See _b2b_credit_set_hold: set only here, after the manager check.
            dealer.sudo().write(
                {"b2b_credit_temp_increase": amount, "b2b_credit_temp_expiry": expiry}
            )
            audit._b2b_log(
                dealer,
                "limit_increase",
                company_id=company.id,
                value_before=formatLang(
                    self.env, before, currency_obj=company.currency_id
                ),
                value_after=self.env._(
                    "%(limit)s until %(date)s",
                    limit=formatLang(
                        self.env,
                        dealer._b2b_credit_limit(company),
                        currency_obj=company.currency_id,
                    ),
                    date=fields.Date.to_string(expiry),
                ),
                reason=reason,
            )
        return True

    # ------------------------------------------------------------------
    # Automatic holds
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_overdue_dealers_by_company(self, companies):
        """{company id: ids of the dealers with receivables of that company
        overdue beyond their grace period} (one query)."""
        if not companies:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT aml.company_id, dealer.id
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner dealer ON dealer.id = rp.commercial_partner_id
                 WHERE aml.company_id = ANY(%(companies)s)
                   AND aml.parent_state = 'posted'
                   AND acc.account_type = 'asset_receivable'
                   AND aml.reconciled IS NOT TRUE
                   AND aml.amount_residual > 0
                   AND dealer.b2b_is_dealer
                   AND aml.date_maturity
                       < %(today)s::date - COALESCE(dealer.b2b_credit_grace_days, 0)
                """,
                companies=companies.ids,
                today=fields.Date.context_today(self),
            )
        )
        result = {company.id: set() for company in companies}
        for company_id, dealer_id in self.env.cr.fetchall():
            result[company_id].add(dealer_id)
        return result

    @api.model
    def _b2b_credit_overdue_dealers(self, companies):
        """Ids of dealers with receivables overdue beyond their grace period
        in any of ``companies``."""
        by_company = self._b2b_credit_overdue_dealers_by_company(companies)
        return set().union(*by_company.values())

    @api.model
    def _b2b_credit_cron_auto_hold(self):
        """Daily, per company with automatic holds: hold the dealers overdue
        beyond grace in that company, release the others' automatic holds."""
        # sudo: the job acts in every company, whatever the companies of the
        # user it runs as; holds are audited as automatic.
        partners = self.sudo()
        companies = self.env["res.company"].sudo().search([])
        auto_companies = companies.filtered("b2b_credit_auto_hold")
        overdue = partners._b2b_credit_overdue_dealers_by_company(auto_companies)
        for company in auto_companies:
            to_hold = (
                partners.browse(overdue[company.id])
                .with_company(company)
                .filtered(lambda p: not p.b2b_credit_hold)
            )
            if to_hold:
                to_hold._b2b_credit_set_hold(
                    self.env._("Invoices overdue beyond the grace period."),
                    "auto",
                    company=company,
                )
        partners._b2b_credit_release_auto_holds(companies=companies, overdue=overdue)
        # Forget expired temporary increases.
        self.search(
            [("b2b_credit_temp_expiry", "<", fields.Date.context_today(self))]
        ).sudo().write(
            {"b2b_credit_temp_increase": 0.0, "b2b_credit_temp_expiry": False}
        )
        return True

    @api.model
    def _b2b_credit_release_auto_holds(
        self, dealers=None, companies=None, overdue=None
    ):
        """Release, in each of ``companies`` (default: all), the automatic
        holds of dealers with nothing overdue beyond grace there any more (a
        company without automatic holds has nothing overdue).

        :param overdue: result of :meth:`_b2b_credit_overdue_dealers_by_company`
            when the caller has it already
        """
        if companies is None:
            companies = self.env["res.company"].sudo().search([])
        domain = [("b2b_credit_hold", "=", True), ("b2b_credit_hold_type", "=", "auto")]
        if dealers is not None:
            domain.append(("id", "in", dealers.commercial_partner_id.ids))
        # sudo: automatic holds are set and released by the system, for every
        # company whatever the user who reconciles or runs the job.
        partners = self.sudo()
        held = {
            company: partners.with_company(company).search(domain)
            for company in companies
        }
        held = {company: dealers for company, dealers in held.items() if dealers}
        if not held:
            return
        if overdue is None:
            overdue = partners._b2b_credit_overdue_dealers_by_company(
                self.env["res.company"]
                .browse([company.id for company in held])
                .filtered("b2b_credit_auto_hold")
            )
        for company, company_held in held.items():
            late = overdue.get(company.id, set())
            to_release = company_held.filtered(lambda p, late=late: p.id not in late)
            to_release._b2b_credit_release_hold(
                self.env._("Nothing is overdue beyond the grace period any more."),
                auto=True,
                company=company,
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_credit_audit(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_credit.b2b_credit_audit_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action

    def action_b2b_credit_release(self):
        return self._b2b_credit_open_wizard("release")

    def action_b2b_credit_hold(self):
        return self._b2b_credit_open_wizard("hold")

    def _b2b_credit_open_wizard(self, mode):
        self.ensure_one()
        self._b2b_credit_check_manager()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner.credit.hold",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.commercial_partner_id.id,
                "default_mode": mode,
            },
        }

    def action_b2b_credit_increase(self):
        self.ensure_one()
        self._b2b_credit_check_manager()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner.credit.increase",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    # ------------------------------------------------------------------
    # Statement of account
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_ageing_buckets(self):
        """(key, label, min days overdue, max days overdue or None)."""
        return [
            ("current", self.env._("Not due"), None, 0),
            ("1_30", self.env._("1-30 days"), 1, 30),
            ("31_60", self.env._("31-60 days"), 31, 60),
            ("61_90", self.env._("61-90 days"), 61, 90),
            ("over_90", self.env._("Over 90 days"), 91, None),
        ]

    def _b2b_credit_statement(self, date_from, date_to, company=None):
        """Statement of account of the dealer between two dates (included).

        Used by the PDF report and, as plain data, by the portal. Three
        queries whatever the number of entries: opening balance, movements,
        ageing.

        :return: dict(dealer, company, currency, date_from, date_to,
            opening_balance, lines=[dict(date, name, ref, kind, due_date,
            debit, credit, balance)], total_debit, total_credit,
            closing_balance, ageing=[dict(key, label, amount)])
        """
        self.ensure_one()
        company = company or self.env.company
        dealer = self.commercial_partner_id
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if date_from > date_to:
            raise UserError(self.env._("The start date must be before the end date."))
        self.env.flush_all()
        receivable = SQL(
            """
            FROM account_move_line aml
            JOIN account_account acc ON acc.id = aml.account_id
            JOIN res_partner rp ON rp.id = aml.partner_id
            JOIN account_move am ON am.id = aml.move_id
           WHERE rp.commercial_partner_id = %(dealer)s
             AND aml.company_id = %(company)s
             AND aml.parent_state = 'posted'
             AND acc.account_type = 'asset_receivable'
            """,
            dealer=dealer.id,
            company=company.id,
        )
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT COALESCE(SUM(aml.balance), 0) %s AND aml.date < %s",
                receivable,
                date_from,
            )
        )
        opening = cr.fetchone()[0]
        cr.execute(
            SQL(
                """
                SELECT aml.date, am.name, COALESCE(am.ref, aml.name, ''),
                       am.move_type, am.origin_payment_id IS NOT NULL
                           OR am.statement_line_id IS NOT NULL,
                       aml.date_maturity, aml.debit, aml.credit
                %s AND aml.date BETWEEN %s AND %s
                ORDER BY aml.date, am.name, aml.id
                """,
                receivable,
                date_from,
                date_to,
            )
        )
        # fetch now: reading a field below may run a query on the same cursor
        rows = cr.fetchall()
        kinds = {
            "out_invoice": "invoice",
            "out_refund": "credit_note",
            "out_receipt": "invoice",
        }
        currency = company.currency_id
        balance = opening
        lines = []
        for date, name, ref, move_type, is_payment, due, debit, credit in rows:
            balance += debit - credit
            lines.append(
                {
                    "date": date,
                    "name": name,
                    "ref": ref,
                    "kind": "payment" if is_payment else kinds.get(move_type, "other"),
                    "due_date": due,
                    "debit": currency.round(debit),
                    "credit": currency.round(credit),
                    "balance": currency.round(balance),
                }
            )
        buckets = self._b2b_credit_ageing_buckets()
        cases = []
        for key, _label, low, high in buckets:
            conditions = []
            if low is not None:
                conditions.append(
                    SQL(
                        "%s - COALESCE(aml.date_maturity, aml.date) >= %s", date_to, low
                    )
                )
            if high is not None:
                conditions.append(
                    SQL(
                        "%s - COALESCE(aml.date_maturity, aml.date) <= %s",
                        date_to,
                        high,
                    )
                )
            cases.append(
                SQL(
                    "COALESCE(SUM(aml.amount_residual) FILTER (WHERE %s), 0) AS %s",
                    SQL(" AND ").join(conditions),
                    SQL.identifier(f"age_{key}"),
                )
            )
        cr.execute(
            SQL(
                "SELECT %s %s AND aml.reconciled IS NOT TRUE AND aml.date <= %s",
                SQL(", ").join(cases),
                receivable,
                date_to,
            )
        )
        ages = cr.fetchone()
        return {
            "dealer_id": dealer.id,
            "dealer_name": dealer.display_name,
            "company_id": company.id,
            "company_name": company.name,
            "currency_id": currency.id,
            "date_from": date_from,
            "date_to": date_to,
            "opening_balance": currency.round(opening),
            "lines": lines,
            "total_debit": currency.round(sum(line["debit"] for line in lines)),
            "total_credit": currency.round(sum(line["credit"] for line in lines)),
            "closing_balance": currency.round(balance),
            "ageing": [
                {"key": key, "label": label, "amount": currency.round(amount)}
                for (key, label, _low, _high), amount in zip(buckets, ages, strict=True)
            ],
        }

    def action_b2b_credit_statement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner.credit.statement",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }
