# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Statement confirmation (对账确认): the credit module's statement of a month,
frozen as a PDF with its sha256, confirmed or disputed by the dealer."""

import hashlib
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .b2b_payment_slip import FINANCE_ROLES

STATEMENT_REPORT = "b2b_credit.action_report_res_partner_statement"
MAX_COMMENT = 2000


class B2bStatementSnapshot(models.Model):
    _name = "b2b.statement.snapshot"
    _description = "Dealer Statement Snapshot"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    # the dealer's finance and admin buyers answer in the portal thread
    _mail_post_access = "read"

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
    )
    month = fields.Char(required=True, readonly=True, index=True, help="YYYY-MM")
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    opening_balance = fields.Monetary(readonly=True)
    total_debit = fields.Monetary(readonly=True)
    total_credit = fields.Monetary(readonly=True)
    closing_balance = fields.Monetary(readonly=True)
    ageing = fields.Json(readonly=True)
    line_ids = fields.One2many(
        "b2b.statement.snapshot.line", "snapshot_id", string="Lines", readonly=True
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="PDF", readonly=True, copy=False
    )
    content_hash = fields.Char(
        string="SHA-256", readonly=True, help="sha256 of the frozen PDF."
    )
    state = fields.Selection(
        [
            ("sent", "Sent"),
            ("overdue", "Overdue"),
            ("disputed", "Disputed"),
            ("confirmed", "Confirmed"),
        ],
        default="sent",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    sent_date = fields.Datetime(readonly=True)
    reminder_date = fields.Datetime(readonly=True)
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    confirmed_date = fields.Datetime(readonly=True)
    disputed_by_id = fields.Many2one("res.users", readonly=True)
    disputed_date = fields.Datetime(readonly=True)
    dispute_comment = fields.Text(readonly=True)
    disputed_line_count = fields.Integer(compute="_compute_disputed_line_count")

    _sql_constraints = [
        (
            "dealer_month_unique",
            "UNIQUE(company_id, dealer_id, month)",
            "A dealer has one statement per month.",
        ),
    ]

    @api.depends("line_ids.disputed")
    def _compute_disputed_line_count(self):
        for snapshot in self:
            snapshot.disputed_line_count = len(snapshot.line_ids.filtered("disputed"))

    # ------------------------------------------------------------------
    # Immutability of confirmed snapshots
    # ------------------------------------------------------------------
    @api.model
    def _b2b_frozen_fields(self):
        """Stored fields a confirmed snapshot never changes (everything but
        its thread and activities)."""
        return {
            name
            for name, field in self._fields.items()
            if field.store
            and not name.startswith(("message_", "activity_"))
            and name not in models.LOG_ACCESS_COLUMNS
        }

    def _b2b_check_not_confirmed(self):
        if any(snapshot.state == "confirmed" for snapshot in self):
            raise UserError(self.env._("A confirmed statement cannot be changed."))

    def write(self, vals):
        if set(vals) & self._b2b_frozen_fields():
            self._b2b_check_not_confirmed()
        return super().write(vals)

    def unlink(self):
        self._b2b_check_not_confirmed()
        return super().unlink()

    # ------------------------------------------------------------------
    # Monthly job
    # ------------------------------------------------------------------
    @api.model
    def _b2b_previous_month(self):
        today = fields.Date.context_today(self)
        start = today.replace(day=1) - relativedelta(months=1)
        return start, start + relativedelta(months=1, days=-1)

    @api.model
    def _b2b_dealers_to_snapshot(self, company, date_from, date_to):
        """Ids of the dealers of ``company`` with a statement for the month
        and none frozen yet: a movement in the month or an open balance at
        its end. One query for every dealer."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner dealer ON dealer.id = rp.commercial_partner_id
                 WHERE aml.company_id = %(company)s
                   AND aml.parent_state = 'posted'
                   AND acc.account_type = 'asset_receivable'
                   AND aml.date <= %(date_to)s
                   AND dealer.b2b_is_dealer
                   AND NOT EXISTS (
                       SELECT 1 FROM b2b_statement_snapshot snap
                        WHERE snap.company_id = %(company)s
                          AND snap.dealer_id = rp.commercial_partner_id
                          AND snap.month = %(month)s)
                 GROUP BY rp.commercial_partner_id
                HAVING bool_or(aml.date >= %(date_from)s)
                    OR ROUND(SUM(aml.balance), 2) != 0
                 ORDER BY rp.commercial_partner_id
                """,
                company=company.id,
                date_from=date_from,
                date_to=date_to,
                month=date_from.strftime("%Y-%m"),
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cron_b2b_statement_snapshot(self):
        """Freeze the previous month's statement of every dealer of the
        companies that switched statement confirmation on."""
        date_from, date_to = self._b2b_previous_month()
        companies = self.env["res.company"].search(
            [("b2b_statement_confirmation", "=", True)]
        )
        snapshots = self.browse()
        for company in companies:
            dealers = self.env["res.partner"].browse(
                self._b2b_dealers_to_snapshot(company, date_from, date_to)
            )
            snapshots |= self._b2b_create_snapshots(
                dealers, company, date_from, date_to
            )
        return snapshots

    @api.model
    def _b2b_finance_buyers(self, dealers):
        """{dealer id: users} of the finance and admin buyers of ``dealers``
        (one search)."""
        groups = [
            self.env.ref(f"b2b_base.b2b_base_group_buyer_{code}").id
            for code in FINANCE_ROLES
        ]
        users = self.env["res.users"].search(
            [
                ("share", "=", True),
                ("groups_id", "in", groups),
                ("partner_id.commercial_partner_id", "in", dealers.ids),
            ]
        )
        result = {dealer.id: self.env["res.users"] for dealer in dealers}
        for user in users:
            result[user.partner_id.commercial_partner_id.id] |= user
        return result

    @api.model
    def _b2b_create_snapshots(self, dealers, company, date_from, date_to):
        """Freeze the statement of each dealer for the period: its data (lines,
        balances, ageing) and its PDF (the credit module's report) with the
        sha256 of the PDF; announce it to the dealer's finance and admin
        buyers (e-mail and portal)."""
        buyers = self._b2b_finance_buyers(dealers)
        snapshots = self.browse()
        Report = self.env["ir.actions.report"].with_company(company)
        month = date_from.strftime("%Y-%m")
        for dealer in dealers:
            lang = dealer.lang or self.env.lang
            statement = dealer.with_context(lang=lang)._b2b_credit_statement(
                date_from, date_to, company
            )
            content, _fmt = Report._render_qweb_pdf(
                STATEMENT_REPORT,
                dealer.ids,
                data={
                    "date_from": fields.Date.to_string(date_from),
                    "date_to": fields.Date.to_string(date_to),
                    "company_id": company.id,
                },
            )
            snapshot = self.create(
                {
                    "name": self.with_context(lang=lang).env._(
                        "Statement %(month)s %(dealer)s",
                        month=month,
                        dealer=dealer.name,
                    ),
                    "company_id": company.id,
                    "dealer_id": dealer.id,
                    "month": month,
                    "date_from": date_from,
                    "date_to": date_to,
                    "opening_balance": statement["opening_balance"],
                    "total_debit": statement["total_debit"],
                    "total_credit": statement["total_credit"],
                    "closing_balance": statement["closing_balance"],
                    "ageing": statement["ageing"],
                    "line_ids": [
                        (0, 0, self._b2b_line_values(line, sequence))
                        for sequence, line in enumerate(statement["lines"])
                    ],
                    "sent_date": fields.Datetime.now(),
                    "content_hash": hashlib.sha256(content).hexdigest(),
                }
            )
            snapshot.attachment_id = self.env["ir.attachment"].create(
                {
                    "name": f"{snapshot.name}.pdf",
                    "raw": content,
                    "res_model": self._name,
                    "res_id": snapshot.id,
                }
            )
            snapshot._b2b_announce(buyers.get(dealer.id))
            snapshots |= snapshot
        return snapshots

    @api.model
    def _b2b_line_values(self, line, sequence):
        return {
            "sequence": sequence,
            "date": line["date"],
            "name": line["name"],
            "ref": line["ref"],
            "kind": line["kind"],
            "due_date": line["due_date"],
            "debit": line["debit"],
            "credit": line["credit"],
            "balance": line["balance"],
        }

    def _b2b_lang_env(self):
        self.ensure_one()
        return self.with_context(lang=self.dealer_id.lang or self.env.lang).env

    def _b2b_announce(self, users):
        """Post the statement in its thread for the dealer's finance and admin
        buyers (Odoo notifies them by e-mail, the PDF attached)."""
        self.ensure_one()
        partners = users.partner_id if users else self.env["res.partner"]
        if partners:
            self.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            body=self._b2b_lang_env()._(
                "Your statement of %(month)s is ready: please confirm it or "
                "dispute its lines in your portal.",
                month=self.month,
            ),
            partner_ids=partners.ids,
            attachment_ids=self.attachment_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    @api.model
    def _cron_b2b_statement_reminder(self):
        """Remind the dealers of the statements neither confirmed nor disputed
        N days (the company's setting) after they were sent; the statement
        becomes overdue. Once per statement."""
        now = fields.Datetime.now()
        companies = self.env["res.company"].search(
            [("b2b_statement_confirmation", "=", True)]
        )
        due = self.browse()
        for company in companies:
            days = max(company.b2b_statement_reminder_days, 0)
            due |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "sent"),
                    ("reminder_date", "=", False),
                    ("sent_date", "<=", now - timedelta(days=days)),
                ]
            )
        if not due:
            return due
        due.write({"state": "overdue", "reminder_date": now})
        buyers = self._b2b_finance_buyers(due.dealer_id)
        for snapshot in due:
            partners = buyers.get(
                snapshot.dealer_id.id, self.env["res.users"]
            ).partner_id
            snapshot.message_post(
                body=snapshot._b2b_lang_env()._(
                    "Reminder: your statement of %(month)s is waiting for your "
                    "confirmation.",
                    month=snapshot.month,
                ),
                partner_ids=partners.ids,
                attachment_ids=snapshot.attachment_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return due

    # ------------------------------------------------------------------
    # Dealer: confirm or dispute (portal)
    # ------------------------------------------------------------------
    def _b2b_check_portal_user(self):
        """Refuse unless the current user is a finance or admin buyer of the
        snapshot's dealer."""
        self.ensure_one()
        user = self.env.user
        dealer = user._b2b_dealer() if user.share else self.env["res.partner"]
        if (
            not dealer
            or self.sudo().dealer_id != dealer
            or not any(user._b2b_has_role(code) for code in FINANCE_ROLES)
        ):
            raise AccessError(
                self.env._(
                    "Only the finance or admin buyers of the dealer may answer "
                    "its statement."
                )
            )
        self.check_access("read")

    def _b2b_check_open(self):
        if self.sudo().state not in ("sent", "overdue"):
            raise UserError(
                self.env._("This statement was already confirmed or disputed.")
            )

    def _b2b_portal_confirm(self):
        """The dealer's finance or admin buyer confirms the statement."""
        self._b2b_check_portal_user()
        self._b2b_check_open()
        user = self.env.user
        # sudo: buyers only read snapshots; the user and the state are checked
        # above, only the confirmation fields are written.
        snapshot = self.sudo()
        snapshot.write(
            {
                "state": "confirmed",
                "confirmed_by_id": user.id,
                "confirmed_date": fields.Datetime.now(),
            }
        )
        snapshot.message_post(
            body=self._b2b_lang_env()._("Statement confirmed by %s.", user.name),
            author_id=user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    def _b2b_portal_dispute(self, line_ids, comment):
        """The dealer's finance or admin buyer disputes lines of the
        statement with a comment; an activity asks the accountant to answer."""
        self._b2b_check_portal_user()
        self._b2b_check_open()
        comment = (comment or "").strip()
        if not comment:
            raise UserError(self.env._("Please say what is wrong in a comment."))
        if len(comment) > MAX_COMMENT:
            raise UserError(
                self.env._("The comment has at most %s characters.", MAX_COMMENT)
            )
        # sudo: see _b2b_portal_confirm; the lines must be the snapshot's own
        snapshot = self.sudo()
        try:
            ids = {int(value) for value in line_ids or ()}
        except (TypeError, ValueError) as error:
            raise UserError(self.env._("Unknown statement lines.")) from error
        lines = snapshot.line_ids.filtered(lambda line: line.id in ids)
        if len(lines) != len(ids):
            raise UserError(self.env._("Unknown statement lines."))
        if snapshot.line_ids and not lines:
            raise UserError(self.env._("Please pick the lines you dispute."))
        user = self.env.user
        lines.write({"disputed": True})
        snapshot.write(
            {
                "state": "disputed",
                "disputed_by_id": user.id,
                "disputed_date": fields.Datetime.now(),
                "dispute_comment": comment,
            }
        )
        snapshot.message_post(
            body=comment,
            author_id=user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        accountant = snapshot._b2b_accountant()
        snapshot.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=accountant.id,
            summary=self.env._("Statement disputed by the dealer"),
            note=comment,
        )
        return True

    def _b2b_accountant(self):
        """Who answers the disputes: the company's statement accountant, or the
        dealer's salesperson, or the administrator."""
        self.ensure_one()
        return (
            self.company_id.b2b_statement_user_id
            or self.dealer_id.user_id
            or self.env.ref("base.user_admin")
        )

    # ------------------------------------------------------------------
    # Backend
    # ------------------------------------------------------------------
    def action_b2b_reopen(self):
        """After answering a dispute, ask the dealer to confirm again."""
        self.check_access("write")
        if any(snapshot.state != "disputed" for snapshot in self):
            raise UserError(self.env._("Only disputed statements can be reopened."))
        self.write({"state": "sent", "sent_date": fields.Datetime.now()})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for snapshot in self:
            snapshot._b2b_announce(
                self._b2b_finance_buyers(snapshot.dealer_id)[snapshot.dealer_id.id]
            )
        return True
