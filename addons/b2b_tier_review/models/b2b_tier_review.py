# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The tier review: set-based, a constant number of queries for any number
of dealers (ladder, dealers, volumes, open proposals: four reads; then one
batched write per kind of change and per target tier).

The rule, for a dealer in a reviewed tier ``c`` of the company's ladder (the
reviewed tiers ordered by sequence, entry volumes ``t``), with its rolling
12-month net invoiced volume ``V`` and the company's margin ``m`` (%):

- **upgrade** to the highest tier ``i > c`` with ``V >= t[i]``, at once;
- else **downgrade** when ``V < t[c] * (1 - m)``, to the highest tier
  ``j < c`` with ``V >= t[j] * (1 - m)`` (the tier it would keep if it were in
  it; the lowest reviewed tier at worst), only when the dealer has stayed
  below the line for the grace period: the first review that finds it below
  opens a proposal in grace, later reviews keep it while the dealer stays
  below (else cancel it), warn the salesperson ``warning_days`` before the end
  and make it due at the end;
- else nothing: between ``t[c] * (1 - m)`` and ``t[c + 1]`` the dealer keeps
  its tier (hysteresis).

A due change is applied at once or waits for a dealer manager. Dealers with
an active override, in a tier that is not reviewed, without a tier or not
approved are left alone.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from .b2b_tier_proposal import OPEN_STATES
from .res_partner import TIER_CHANGE_KEY, TierChangeInfo

#: what the review does with a dealer (the preview shows it)
REVIEW_ACTIONS = [
    ("upgrade", "Upgrade"),
    ("grace", "Downgrade: grace period starts"),
    ("wait", "Downgrade: in grace period"),
    ("warn", "Downgrade: warn the salesperson"),
    ("due", "Downgrade: due"),
    ("pending", "Waiting for approval"),
    ("cancel", "Cancel the proposal"),
]


def _sql_value(value):
    """Odoo's ``False`` (no value) as SQL ``NULL``; 0 stays 0."""
    return None if value is False else value


class B2bTierReview(models.AbstractModel):
    _name = "b2b.tier.review"
    _description = "Dealer Tier Review"

    # ------------------------------------------------------------------
    # Reading (the what-if preview stops here)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_period(self, ref_date):
        """The rolling 12 months ending on ``ref_date`` (both included)."""
        date_to = fields.Date.to_date(ref_date)
        return date_to - relativedelta(years=1, days=-1), date_to

    @api.model
    def _b2b_ladder(self, company):
        """The company's reviewed tiers, ordered by sequence."""
        # sudo: configuration read by the job for its company (explicit
        # company domain instead of the user's record rules)
        tiers = (
            self.env["b2b.dealer.tier"]
            .sudo()
            .with_company(company)
            .search([("company_id", "in", [company.id, False])])
        )
        return tiers.filtered("b2b_review_included")

    @api.model
    def _b2b_dealer_domain(self, company, ladder):
        return [
            ("b2b_is_dealer", "=", True),
            ("is_company", "=", True),
            ("b2b_state", "=", "approved"),
            ("company_id", "in", [company.id, False]),
            ("b2b_tier_id", "in", ladder.ids),
        ]

    @api.model
    def _b2b_compute(self, company, ref_date, partner_ids=None):
        """What the review of ``company`` on ``ref_date`` would do, without
        writing anything: a list of decisions (dicts, see ``_b2b_decide``),
        only for the dealers where something happens.

        :param partner_ids: limit the review to these dealers (None: all)
        """
        company = company.sudo()
        ref_date = fields.Date.to_date(ref_date)
        ladder = self._b2b_ladder(company)
        if len(ladder) < 2:
            return []
        # sudo: the review reads every dealer of the company, whoever runs it
        Partner = self.env["res.partner"].sudo()
        domain = self._b2b_dealer_domain(company, ladder)
        if partner_ids is not None:
            domain.append(("id", "in", list(partner_ids)))
        dealers = Partner.search_fetch(
            domain, ["b2b_tier_id", "user_id", "b2b_tier_override_until"]
        )
        if not dealers:
            return []
        date_from, date_to = self._b2b_period(ref_date)
        volumes = Partner._b2b_invoiced_volume(
            company, date_from, date_to, partner_ids=dealers.ids
        )
        proposals = (
            self.env["b2b.tier.proposal"]
            .sudo()
            .search_fetch(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", OPEN_STATES),
                    ("partner_id", "in", dealers.ids),
                ],
                [
                    "partner_id",
                    "kind",
                    "state",
                    "tier_from_id",
                    "tier_to_id",
                    "below_since",
                    "effective_date",
                    "warning_date",
                    "activity_id",
                ],
                order="id",
            )
        )
        open_by_dealer = {}
        duplicates = proposals.browse()
        for proposal in proposals:
            if proposal.partner_id.id in open_by_dealer:
                duplicates |= open_by_dealer[proposal.partner_id.id]
            open_by_dealer[proposal.partner_id.id] = proposal
        ladder_info = {
            "tiers": list(ladder),
            "index": {tier.id: i for i, tier in enumerate(ladder)},
            "thresholds": [tier.b2b_review_threshold for tier in ladder],
            "margin": company.b2b_tier_review_hysteresis / 100.0,
            "grace": company.b2b_tier_review_grace_days,
            "warning": company.b2b_tier_review_warning_days,
        }
        decisions = []
        for dealer in dealers:
            decision = self._b2b_decide(
                dealer,
                volumes.get(dealer.id, 0.0),
                open_by_dealer.get(dealer.id, proposals.browse()),
                ladder_info,
                ref_date,
            )
            if decision:
                decisions.append(decision)
        if duplicates:
            decisions.append(
                {
                    "partner": duplicates.partner_id[:1],
                    "action": "cancel",
                    "proposal": duplicates,
                    "replaced": duplicates.browse(),
                }
            )
        return decisions

    @api.model
    def _b2b_decide(self, dealer, volume, proposal, ladder, ref_date):
        """The decision for one dealer (pure computation, no query), or None.

        A decision is a dict: ``partner``, ``action`` (``REVIEW_ACTIONS``),
        ``proposal`` (the open proposal it acts on, may be empty),
        ``replaced`` (an open proposal it cancels first), and for a change
        ``kind``, ``tier_from``, ``tier_to``, ``volume``, ``threshold_from``,
        ``threshold_to``, ``below_since``, ``effective_date``.
        """
        empty = proposal.browse()
        override = dealer.b2b_tier_override_until
        if override and override >= ref_date:
            if proposal:
                return {"partner": dealer, "action": "cancel", "proposal": proposal}
            return None
        # a proposal made for another tier than the dealer's current one is
        # stale (the tier was changed meanwhile): replace it
        if proposal and proposal.tier_from_id != dealer.b2b_tier_id:
            replaced, proposal = proposal, empty
        else:
            replaced = empty
        tiers, thresholds = ladder["tiers"], ladder["thresholds"]
        current = ladder["index"][dealer.b2b_tier_id.id]
        target, kind = self._b2b_target(volume, current, thresholds, ladder["margin"])
        decision = {
            "partner": dealer,
            "replaced": replaced,
            "proposal": empty,
            "volume": volume,
            "tier_from": tiers[current],
            "threshold_from": thresholds[current],
        }
        if kind is None:
            if proposal:
                decision.update(action="cancel", proposal=proposal)
                return decision
            return {**decision, "action": "cancel"} if replaced else None
        decision.update(
            kind=kind,
            tier_to=tiers[target],
            threshold_to=thresholds[target],
            below_since=None,
            effective_date=ref_date,
        )
        if proposal and proposal.kind != kind:
            replaced, proposal = replaced | proposal, empty
            decision["replaced"] = replaced
        decision["proposal"] = proposal
        if kind == "upgrade":
            decision["action"] = "pending" if proposal else "upgrade"
            return decision
        if proposal:
            below_since = proposal.below_since
            effective = proposal.effective_date
        else:
            below_since = ref_date
            effective = ref_date + relativedelta(days=ladder["grace"])
        decision.update(below_since=below_since, effective_date=effective)
        warn_from = effective - relativedelta(days=ladder["warning"])
        if proposal.state == "to_approve":
            action = "pending"
        elif ref_date >= effective:
            action = "due"
        elif ref_date >= warn_from and not proposal.warning_date:
            action = "warn"
        else:
            action = "wait" if proposal else "grace"
        decision["action"] = action
        return decision

    @api.model
    def _b2b_target(self, volume, current, thresholds, margin):
        """(index of the proposed tier, ``upgrade`` / ``downgrade``), or
        (None, None) when the dealer keeps tier ``current`` of the ladder."""
        for i in range(len(thresholds) - 1, current, -1):
            if volume >= thresholds[i]:
                return i, "upgrade"
        keep = 1.0 - margin
        if current == 0 or volume >= thresholds[current] * keep:
            return None, None
        for j in range(current - 1, 0, -1):
            if volume >= thresholds[j] * keep:
                return j, "downgrade"
        return 0, "downgrade"

    # ------------------------------------------------------------------
    # Running the review
    # ------------------------------------------------------------------
    @api.model
    def _b2b_run(self, company, ref_date, partner_ids=None):
        """Review ``company`` on ``ref_date`` and act on the decisions:
        cancel, open, follow, warn, and apply (or submit for approval) the
        due changes. Batched: the number of queries does not depend on the
        number of dealers.

        :return: the decisions (as ``_b2b_compute``)
        """
        company = company.sudo()
        ref_date = fields.Date.to_date(ref_date)
        decisions = self._b2b_compute(company, ref_date, partner_ids=partner_ids)
        if not decisions:
            return decisions
        # sudo: proposals and warning activities are written by the review
        # only (users read them; managers decide through the buttons)
        Proposal = self.env["b2b.tier.proposal"].sudo()
        to_cancel = Proposal.browse()
        for decision in decisions:
            to_cancel |= decision.get("replaced") or Proposal.browse()
            if decision["action"] == "cancel":
                to_cancel |= decision["proposal"]
        if to_cancel:
            self._b2b_cancel(to_cancel, ref_date)
        changes = [d for d in decisions if d["action"] != "cancel"]
        activities = self._b2b_warn(
            company, [d for d in changes if d["action"] == "warn"]
        )
        approve = company.b2b_tier_review_mode == "approve"
        new_vals, updates, due = [], [], Proposal.browse()
        for decision in changes:
            action = decision["action"]
            dealer = decision["partner"]
            state = "grace" if action in ("grace", "wait", "warn") else "to_approve"
            values = {
                "volume": decision["volume"],
                "tier_to_id": decision["tier_to"].id,
                "threshold_to": decision["threshold_to"],
                "review_date": ref_date,
            }
            if action == "warn":
                values["warning_date"] = ref_date
                values["activity_id"] = activities.get(dealer.id, False)
            proposal = decision["proposal"]
            if proposal:
                updates.append((proposal, {**values, "state": state}))
                if action in ("due", "upgrade", "pending"):
                    due |= proposal
                continue
            new_vals.append(
                {
                    **values,
                    "partner_id": dealer.id,
                    "company_id": company.id,
                    "kind": decision["kind"],
                    "state": state,
                    "tier_from_id": decision["tier_from"].id,
                    "threshold_from": decision["threshold_from"],
                    "below_since": decision["below_since"],
                    "effective_date": decision["effective_date"],
                }
            )
        if updates:
            self._b2b_update(updates)
        if new_vals:
            created = Proposal.create(new_vals)
            due |= created.filtered(lambda p: p.state == "to_approve")
        if due and not approve:
            self._b2b_apply(due, ref_date=ref_date)
        return decisions

    @api.model
    def _b2b_cancel(self, proposals, ref_date):
        """Cancel open proposals (the dealer recovered, is overridden, or its
        tier changed); their warning activities go with them."""
        activities = proposals.activity_id
        proposals.write({"state": "cancelled", "review_date": ref_date})
        if activities:
            activities.sudo().unlink()

    @api.model
    def _b2b_update(self, updates):
        """Write per-proposal values in one ``UPDATE ... FROM (VALUES ...)``
        (the ORM would issue one query per proposal: the values differ).

        :param updates: [(proposal, values)]; ``warning_date`` and
            ``activity_id`` are optional (absent: kept)
        """
        columns = [
            ("state", "varchar"),
            ("volume", "numeric"),
            ("tier_to_id", "int4"),
            ("threshold_to", "numeric"),
            ("review_date", "date"),
            ("warning_date", "date"),
            ("activity_id", "int4"),
        ]
        Proposal = self.env["b2b.tier.proposal"]
        Proposal.flush_model([name for name, __ in columns])
        rows = [
            SQL(
                "(%s)",
                SQL(", ").join(
                    [
                        SQL("%s::int4", proposal.id),
                        *(
                            SQL("%s::%s", _sql_value(values.get(name)), SQL(sql_type))
                            for name, sql_type in columns
                        ),
                    ]
                ),
            )
            for proposal, values in updates
        ]
        self.env.cr.execute(
            SQL(
                """UPDATE b2b_tier_proposal p
                      SET state = v.state, volume = v.volume,
                          tier_to_id = v.tier_to_id, threshold_to = v.threshold_to,
                          review_date = v.review_date,
                          warning_date = COALESCE(v.warning_date, p.warning_date),
                          activity_id = COALESCE(v.activity_id, p.activity_id),
                          write_date = now() at time zone 'UTC', write_uid = %s
                     FROM (VALUES %s) AS v(id, %s)
                    WHERE p.id = v.id""",
                self.env.uid,
                SQL(", ").join(rows),
                SQL(", ").join(SQL.identifier(name) for name, __ in columns),
            )
        )
        Proposal.browse([proposal.id for proposal, __ in updates]).invalidate_recordset(
            [name for name, __ in columns] + ["write_date", "write_uid"]
        )

    @api.model
    def _b2b_warn(self, company, decisions):
        """One activity per dealer about to be downgraded, for its
        salesperson (none without a salesperson), created in one batch.

        :return: {dealer id: activity id}
        """
        decisions = [d for d in decisions if d["partner"].user_id]
        if not decisions:
            return {}
        activity_type = self.env.ref(
            "mail.mail_activity_data_warning", raise_if_not_found=False
        )
        model = self.env["ir.model"]._get_id("res.partner")
        keep = 1.0 - company.b2b_tier_review_hysteresis / 100.0
        vals_list = []
        for decision in decisions:
            dealer = decision["partner"]
            volume = format(decision["volume"], ",.2f")
            line = format(decision["threshold_from"] * keep, ",.2f")
            summary = self.env._(
                "Tier downgrade on %(date)s: %(before)s to %(after)s",
                date=fields.Date.to_string(decision["effective_date"]),
                before=decision["tier_from"].name,
                after=decision["tier_to"].name,
            )
            note = self.env._(
                "12-month net invoiced volume %(volume)s %(currency)s, below "
                "%(line)s %(currency)s (entry volume of %(tier)s minus the "
                "margin) since %(since)s.",
                volume=volume,
                currency=company.currency_id.name,
                line=line,
                tier=decision["tier_from"].name,
                since=fields.Date.to_string(decision["below_since"]),
            )
            vals_list.append(
                {
                    "res_model_id": model,
                    "res_id": dealer.id,
                    "user_id": dealer.user_id.id,
                    "activity_type_id": activity_type.id if activity_type else False,
                    "summary": summary,
                    "note": note,
                    "date_deadline": decision["effective_date"],
                }
            )
        # the activities read their record's name one by one: read the
        # dealers' names in one query first
        self.env["res.partner"].sudo().browse(
            [decision["partner"].id for decision in decisions]
        ).mapped("display_name")
        # sudo: the job warns salespeople of dealers it may not read;
        # quick update: no notification e-mail per activity (the activity is
        # the warning, in the salesperson's activities)
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
        return {activity.res_id: activity.id for activity in activities}

    @api.model
    def _b2b_apply(self, proposals, ref_date=None):
        """Apply due proposals: one write of ``b2b_tier_id`` per target tier,
        untracked (the audit log is the record), the contacts synced in one
        write per tier, one audit line per dealer."""
        proposals = proposals.sudo()
        ref_date = ref_date or fields.Date.context_today(self)
        Partner = self.env["res.partner"].sudo()
        by_tier = {}
        for proposal in proposals:
            by_tier.setdefault(proposal.tier_to_id, []).append(proposal)
        for tier, tier_proposals in by_tier.items():
            dealers = Partner.browse([p.partner_id.id for p in tier_proposals])
            for company, company_proposals in self._b2b_by_company(tier_proposals):
                info = TierChangeInfo(
                    "review",
                    values={
                        p.partner_id.id: {
                            "volume": p.volume,
                            "threshold_before": p.threshold_from,
                            "threshold_after": p.threshold_to,
                            "hysteresis": company.b2b_tier_review_hysteresis,
                            "review_date": p.review_date or ref_date,
                            "proposal_id": p.id,
                        }
                        for p in company_proposals
                    },
                    company=company,
                    batch=True,
                )
                company_dealers = Partner.browse(
                    [p.partner_id.id for p in company_proposals]
                )
                company_dealers.with_context(
                    **{TIER_CHANGE_KEY: info, "mail_notrack": True}
                ).write({"b2b_tier_id": tier.id})
            contacts = Partner.with_context(active_test=False).search(
                [
                    ("commercial_partner_id", "in", dealers.ids),
                    ("id", "not in", dealers.ids),
                    ("b2b_tier_id", "!=", tier.id),
                ]
            )
            if contacts:
                contacts.with_context(mail_notrack=True).write({"b2b_tier_id": tier.id})
        proposals.write(
            {
                "state": "applied",
                "decided_by_id": self.env.uid,
                "decided_on": fields.Datetime.now(),
            }
        )
        return True

    @api.model
    def _b2b_by_company(self, proposals):
        groups = {}
        for proposal in proposals:
            groups.setdefault(proposal.company_id, []).append(proposal)
        return groups.items()

    # ------------------------------------------------------------------
    # Job
    # ------------------------------------------------------------------
    @api.model
    def _b2b_cron(self, today=None):
        """Daily job: the full review of each company that switched it on,
        monthly (on its next review date); between two, only the dealers in a
        grace period, so that warnings and downgrades land on their day."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        # sudo: the job reviews every company, whatever its user's companies
        companies = (
            self.env["res.company"].sudo().search([("b2b_tier_review", "=", True)])
        )
        for company in companies:
            next_date = company.b2b_tier_review_next_date
            if not next_date or next_date <= today:
                self._b2b_run(company, today)
                company.b2b_tier_review_next_date = today + relativedelta(
                    months=1, day=1
                )
                continue
            in_grace = (
                self.env["b2b.tier.proposal"]
                .sudo()
                .search([("company_id", "=", company.id), ("state", "=", "grace")])
            )
            if in_grace:
                self._b2b_run(company, today, partner_ids=in_grace.partner_id.ids)
        return True
