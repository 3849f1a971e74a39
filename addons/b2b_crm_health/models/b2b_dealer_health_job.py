# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The daily health job: figures of every approved dealer of a company in a
fixed number of queries (whatever the number of dealers), rules evaluated in
memory, rows and flags upserted in SQL, one batch of activities."""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from .b2b_dealer_health import PERIOD_DAYS

#: the columns the job writes, with their SQL array type
_HEALTH_COLUMNS = [
    ("partner_id", "int"),
    ("tier_id", "int"),
    ("user_id", "int"),
    ("last_order_date", "date"),
    ("days_since_order", "int"),
    ("orders_current", "int"),
    ("orders_previous", "int"),
    ("amount_current", "numeric"),
    ("amount_previous", "numeric"),
    ("average_current", "numeric"),
    ("average_previous", "numeric"),
    ("frequency_trend", "float8"),
    ("amount_trend", "float8"),
    ("average_trend", "float8"),
    ("invoiced_12m", "numeric"),
    ("overdue_amount", "numeric"),
    ("flagged", "bool"),
    ("flag_count", "int"),
]


def _trend(current, previous):
    """Change in percent of ``current`` against ``previous`` (0 without a
    previous figure)."""
    if not previous:
        return 0.0
    return round((current - previous) * 100.0 / previous, 2)


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class B2bDealerHealth(models.Model):
    _inherit = "b2b.dealer.health"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Entry points
    # ------------------------------------------------------------------
    @api.model
    def _b2b_cron_compute(self, today=None):
        """Daily job: every company that has active health rules."""
        # sudo: the job reads the orders and invoices of every dealer of
        # every company, and writes the health figures and activities.
        companies = self.env["res.company"].sudo().search([])
        return self.sudo()._b2b_compute(companies, today=today)

    @api.model
    def _b2b_compute(self, companies, today=None):
        """Compute the health of the approved dealers of ``companies`` as of
        ``today`` (default: today). A company without an active rule is
        skipped (opt-in) and keeps no health rows."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        rules = self.env["b2b.dealer.health.rule"].search(
            [("company_id", "in", companies.ids)]
        )
        self.env.flush_all()
        idle = companies - rules.company_id
        if idle:
            self.env.cr.execute(
                SQL(
                    "DELETE FROM b2b_dealer_health WHERE company_id = ANY(%s)",
                    idle.ids,
                )
            )
        for company in rules.company_id:
            self._b2b_compute_company(
                company, rules.filtered(lambda r, c=company: r.company_id == c), today
            )
        self.invalidate_model()
        self.env["b2b.dealer.health.flag"].invalidate_model()
        return True

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    @api.model
    def _b2b_order_figures_sql(self, company, today):
        """One statement: the approved dealers of ``company`` (their own,
        and the shared ones it sells to or whose salesperson works for it)
        with their confirmed orders' figures of the two periods."""
        current_start = datetime.combine(
            today - timedelta(days=PERIOD_DAYS - 1), time.min
        )
        previous_start = current_start - timedelta(days=PERIOD_DAYS)
        end = datetime.combine(today + timedelta(days=1), time.min)
        return SQL(
            """
            WITH orders AS (
                SELECT d.id AS dealer_id,
                       MAX(so.date_order) AS last_order,
                       COUNT(*) FILTER (WHERE so.date_order >= %(current)s)
                           AS orders_current,
                       COUNT(*) FILTER (WHERE so.date_order < %(current)s
                                          AND so.date_order >= %(previous)s)
                           AS orders_previous,
                       SUM(so.amount_untaxed / NULLIF(so.currency_rate, 0))
                           FILTER (WHERE so.date_order >= %(current)s)
                           AS amount_current,
                       SUM(so.amount_untaxed / NULLIF(so.currency_rate, 0))
                           FILTER (WHERE so.date_order < %(current)s
                                     AND so.date_order >= %(previous)s)
                           AS amount_previous
                  FROM sale_order so
                  JOIN res_partner cp ON cp.id = so.partner_id
                  JOIN res_partner d ON d.id = cp.commercial_partner_id
                 WHERE so.company_id = %(company)s
                   AND so.state = 'sale'
                   AND so.date_order < %(end)s
                   AND d.b2b_is_dealer
                   AND d.b2b_state = 'approved'
                 GROUP BY d.id
            )
            SELECT rp.id, rp.b2b_tier_id, rp.user_id,
                   COALESCE(rp.b2b_state_date, rp.create_date),
                   o.last_order,
                   COALESCE(o.orders_current, 0), COALESCE(o.orders_previous, 0),
                   COALESCE(o.amount_current, 0), COALESCE(o.amount_previous, 0)
              FROM res_partner rp
              LEFT JOIN orders o ON o.dealer_id = rp.id
              LEFT JOIN res_users u ON u.id = rp.user_id
             WHERE rp.b2b_is_dealer
               AND rp.b2b_state = 'approved'
               AND rp.active
               AND rp.id = rp.commercial_partner_id
               AND (rp.company_id = %(company)s
                    OR (rp.company_id IS NULL
                        AND (o.dealer_id IS NOT NULL OR u.company_id = %(company)s)))
             ORDER BY rp.id
            """,
            company=company.id,
            current=current_start,
            previous=previous_start,
            end=end,
        )

    @api.model
    def _b2b_overdue_amounts(self, company, dealer_ids, today):
        """{dealer id: amount overdue beyond its grace period} when the
        credit module is installed, else None: the credit module's batch
        ``res.partner._b2b_credit_overdue_amounts`` (its rule, one grouped
        query), found through the registry (no import, no dependency)."""
        Partner = self.env["res.partner"]
        batch = getattr(Partner, "_b2b_credit_overdue_amounts", None)
        if batch is None:
            return None
        return batch(company, dealer_ids, today=today)

    @api.model
    def _b2b_figures(self, company, today):
        """{dealer id: figures dict} of the approved dealers of ``company``."""
        rows = self.env.execute_query(self._b2b_order_figures_sql(company, today))
        dealer_ids = [row[0] for row in rows]
        volumes = {}
        if dealer_ids:
            volumes = self.env["res.partner"]._b2b_invoiced_volume(
                company,
                today - relativedelta(years=1) + timedelta(days=1),
                today,
                partner_ids=dealer_ids,
            )
        overdue = self._b2b_overdue_amounts(company, dealer_ids, today)
        rounding = company.currency_id.round
        result = {}
        for row in rows:
            (dealer_id, tier_id, user_id, since, last_order) = row[:5]
            orders_current, orders_previous = row[5], row[6]
            amount_current = rounding(float(row[7]))
            amount_previous = rounding(float(row[8]))
            last_date = last_order.date() if last_order else None
            start = last_date or (since.date() if since else today)
            average_current = (
                rounding(amount_current / orders_current) if orders_current else 0.0
            )
            average_previous = (
                rounding(amount_previous / orders_previous) if orders_previous else 0.0
            )
            result[dealer_id] = {
                "partner_id": dealer_id,
                "tier_id": tier_id,
                "user_id": user_id,
                "last_order_date": last_date,
                "days_since_order": max((today - start).days, 0),
                "orders_current": orders_current,
                "orders_previous": orders_previous,
                "amount_current": amount_current,
                "amount_previous": amount_previous,
                "average_current": average_current,
                "average_previous": average_previous,
                "frequency_trend": _trend(orders_current, orders_previous),
                "amount_trend": _trend(amount_current, amount_previous),
                "average_trend": _trend(average_current, average_previous),
                "invoiced_12m": rounding(float(volumes.get(dealer_id, 0.0))),
                "overdue_amount": rounding(float((overdue or {}).get(dealer_id, 0.0))),
            }
        return result, overdue is not None

    # ------------------------------------------------------------------
    # One company
    # ------------------------------------------------------------------
    @api.model
    def _b2b_compute_company(self, company, rules, today):
        figures, overdue_known = self._b2b_figures(company, today)
        rules_by_tier = {}
        trips = []  # (dealer id, rule)
        for dealer_id, values in figures.items():
            tier_id = values["tier_id"]
            if tier_id not in rules_by_tier:
                rules_by_tier[tier_id] = rules._b2b_rules_for_tier(tier_id)
            tripped = [r for r in rules_by_tier[tier_id] if r._b2b_trips(values)]
            values["flagged"] = bool(tripped)
            values["flag_count"] = len(tripped)
            trips.extend((dealer_id, rule) for rule in tripped)
        health_ids = self._b2b_upsert(company, figures, today, overdue_known)
        flags = self._b2b_write_flags(company, trips, health_ids)
        self._b2b_plan_activities(flags, figures, today)

    @api.model
    def _b2b_upsert(self, company, figures, today, overdue_known):
        """Insert or update the rows of ``figures``, delete the rows of the
        company's dealers that are no longer approved; {dealer id: row id}."""
        rows = list(figures.values())
        columns = [name for name, _type in _HEALTH_COLUMNS]
        arrays = SQL(", ").join(
            SQL("%s::%s[]", [row[name] for row in rows], SQL(sql_type))
            for name, sql_type in _HEALTH_COLUMNS
        )
        updates = SQL(", ").join(
            SQL("%s = EXCLUDED.%s", SQL.identifier(name), SQL.identifier(name))
            for name in [
                *columns[1:],
                "date",
                "overdue_known",
                "write_uid",
                "write_date",
            ]
        )
        result = self.env.execute_query(
            SQL(
                """
                INSERT INTO b2b_dealer_health
                       (%(columns)s, company_id, date, overdue_known,
                        create_uid, create_date, write_uid, write_date)
                SELECT v.*, %(company)s, %(today)s, %(overdue_known)s,
                       %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s,
                       now() AT TIME ZONE 'UTC'
                  FROM unnest(%(arrays)s) AS v(%(columns)s)
                ON CONFLICT (partner_id, company_id) DO UPDATE SET %(updates)s
                RETURNING partner_id, id
                """,
                columns=SQL(", ").join(SQL.identifier(name) for name in columns),
                company=company.id,
                today=today,
                overdue_known=overdue_known,
                uid=self.env.uid,
                arrays=arrays,
                updates=updates,
            )
        )
        self.env.cr.execute(
            SQL(
                "DELETE FROM b2b_dealer_health "
                "WHERE company_id = %s AND partner_id != ALL(%s::int[])",
                company.id,
                list(figures),
            )
        )
        return dict(result)

    @api.model
    def _b2b_write_flags(self, company, trips, health_ids):
        """Replace the company's flags by ``trips``; [(flag id, dealer id,
        rule id)] of the new flags."""
        self.env.cr.execute(
            SQL("DELETE FROM b2b_dealer_health_flag WHERE company_id = %s", company.id)
        )
        if not trips:
            return []
        rows = self.env.execute_query(
            SQL(
                """
                INSERT INTO b2b_dealer_health_flag
                       (health_id, rule_id, kind, threshold, company_id,
                        create_uid, create_date, write_uid, write_date)
                SELECT v.health_id, v.rule_id, v.kind, v.threshold, %(company)s,
                       %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s,
                       now() AT TIME ZONE 'UTC'
                  FROM unnest(%(health)s::int[], %(rule)s::int[],
                              %(kind)s::varchar[], %(threshold)s::float8[])
                       AS v(health_id, rule_id, kind, threshold)
                RETURNING id, health_id, rule_id
                """,
                company=company.id,
                uid=self.env.uid,
                health=[health_ids[dealer_id] for dealer_id, _rule in trips],
                rule=[rule.id for _dealer, rule in trips],
                kind=[rule.kind for _dealer, rule in trips],
                threshold=[rule.threshold for _dealer, rule in trips],
            )
        )
        dealers = {health_id: dealer_id for dealer_id, health_id in health_ids.items()}
        return [(flag_id, dealers[health], rule) for flag_id, health, rule in rows]

    # ------------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------------
    @api.model
    def _b2b_activity_user(self, rule, user_id):
        """The user of a dealer's activity: its salesperson, else the default
        user of the rule's activity type, else nobody (the flag only)."""
        return user_id or rule._b2b_activity_type().default_user_id.id or False

    @api.model
    def _b2b_plan_activities(self, flags, figures, today):
        """One activity per tripped (dealer, rule) without an open one."""
        if not flags:
            return
        Rule = self.env["b2b.dealer.health.rule"]
        rules = Rule.browse({rule_id for _flag, _dealer, rule_id in flags})
        Activity = self.env["mail.activity"]
        open_pairs = set(
            Activity._read_group(
                [
                    ("res_model", "=", "res.partner"),
                    ("b2b_health_rule_id", "in", rules.ids),
                    ("res_id", "in", list({dealer for _f, dealer, _r in flags})),
                ],
                ["res_id", "b2b_health_rule_id"],
            )
        )
        todo = {}  # user id: [(flag id, dealer id, rule)]
        for flag_id, dealer_id, rule_id in flags:
            rule = rules.browse(rule_id)
            if (dealer_id, rule) in open_pairs:
                continue
            user_id = self._b2b_activity_user(rule, figures[dealer_id]["user_id"])
            if user_id:
                todo.setdefault(user_id, []).append((flag_id, dealer_id, rule))
        if not todo:
            return
        users = self.env["res.users"].browse(list(todo))
        by_lang = {}
        for user in users:
            by_lang.setdefault(user.lang or "en_US", []).extend(
                (user.id, *item) for item in todo[user.id]
            )
        model_id = self.env["ir.model"]._get_id("res.partner")
        values = []
        for lang, items in by_lang.items():
            Flag = self.env["b2b.dealer.health.flag"].with_context(lang=lang)
            Flag.browse([item[1] for item in items]).mapped("reason")  # batch
            for user_id, flag_id, dealer_id, rule in items:
                values.append(
                    {
                        "res_model_id": model_id,
                        "res_id": dealer_id,
                        "activity_type_id": rule._b2b_activity_type().id,
                        "b2b_health_rule_id": rule.id,
                        "user_id": user_id,
                        "date_deadline": today,
                        "summary": rule.with_context(lang=lang).name,
                        "note": Markup("<p>%s</p>") % Flag.browse(flag_id).reason,
                    }
                )
        # Odoo computes each activity's record name on a record of its own
        # (one query per activity): read the dealers in one batch first
        self.env["res.partner"].browse(
            list({vals["res_id"] for vals in values})
        ).mapped("display_name")
        # quick update: no e-mail per activity; the salesperson sees them in
        # the activity menu and on the dealer
        Activity.with_context(mail_activity_quick_update=True).create(values)

    @api.model
    def _b2b_close_activities(self, orders):
        """Mark done the open health activities of the dealers of the
        confirmed ``orders`` (in the orders' companies), with a note."""
        pairs = {
            (order.company_id.id, order.partner_id.commercial_partner_id.id): order
            for order in orders
        }
        # sudo: the activities belong to the dealer's salesperson; whoever
        # confirms the order (a buyer through the portal, another user)
        # closes them. Only the health activities of these dealers.
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("b2b_health_rule_id", "!=", False),
                    ("res_id", "in", list({dealer for _c, dealer in pairs})),
                ]
            )
        )
        for activity in activities:
            order = pairs.get(
                (activity.b2b_health_rule_id.company_id.id, activity.res_id)
            )
            if order:
                activity.action_feedback(
                    feedback=self.env._(
                        "Closed automatically: the dealer ordered again (%s).",
                        order.name,
                    )
                )
