# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Payment reminders (账期提醒 / 催款): the daily job finds, for every dealer
of every company with a reminder policy at once, the open invoices that
reached a stage they were not reminded of yet; one reminder per dealer and
stage lists them, sent by e-mail with the dealer's statement attached."""

import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

STATEMENT_REPORT = "b2b_credit.action_report_res_partner_statement"
#: reminders e-mailed per run of the job (the rest waits for the next run)
SEND_BATCH = 200


class B2bDunningReminder(models.Model):
    _name = "b2b.dunning.reminder"
    _description = "Payment Reminder"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    dealer_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, readonly=True, index=True
    )
    stage_id = fields.Many2one(
        "b2b.dunning.stage", required=True, readonly=True, ondelete="restrict"
    )
    kind = fields.Selection(related="stage_id.kind")
    date = fields.Date(required=True, readonly=True, index=True)
    state = fields.Selection(
        [("pending", "To Send"), ("sent", "Sent")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    log_ids = fields.One2many(
        "b2b.dunning.log", "reminder_id", string="Invoices", readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_residual = fields.Monetary(
        string="Amount Due", compute="_compute_amount_residual"
    )
    recipient_ids = fields.Many2many("res.partner", string="Recipients", readonly=True)
    mail_id = fields.Many2one("mail.mail", string="E-mail", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="Statement", readonly=True)

    @api.depends("dealer_id", "stage_id", "date")
    def _compute_name(self):
        for reminder in self:
            reminder.name = f"{reminder.stage_id.name} - {reminder.dealer_id.name}"

    @api.depends("log_ids.amount_residual")
    def _compute_amount_residual(self):
        for reminder in self:
            reminder.amount_residual = sum(reminder.log_ids.mapped("amount_residual"))

    # ------------------------------------------------------------------
    # Daily job
    # ------------------------------------------------------------------
    @api.model
    def _cron_b2b_dunning(self):
        """The daily job: late fees, then the reminders (planned for every
        dealer at once, then e-mailed)."""
        today = fields.Date.context_today(self)
        self.env["b2b.dunning.fee"]._b2b_compute_fees(today)
        self._b2b_plan(today)
        self._b2b_send_pending()

    @api.model
    def _b2b_due_invoices(self, today):
        """[(move id, stage id, dealer id, company id, residual, due date)]
        of the open customer invoices of dealers that reached a stage of
        their company's policy they were not reminded of: for each invoice
        the latest stage reached only (an invoice found already overdue is
        not reminded that it will fall due). One query for every company
        and dealer."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT move_id, stage_id, dealer_id, company_id, residual, due
                  FROM (
                    SELECT DISTINCT ON (am.id)
                           am.id AS move_id, st.id AS stage_id,
                           am.commercial_partner_id AS dealer_id,
                           am.company_id, am.amount_residual_signed AS residual,
                           am.invoice_date_due AS due
                      FROM account_move am
                      JOIN res_partner dealer
                        ON dealer.id = am.commercial_partner_id
                      JOIN b2b_dunning_stage st
                        ON st.company_id = am.company_id
                       AND st.active
                       AND am.invoice_date_due + st.offset_days <= %(today)s
                     WHERE am.move_type = 'out_invoice'
                       AND am.state = 'posted'
                       AND am.payment_state IN ('not_paid', 'partial')
                       AND am.amount_residual_signed > 0
                       AND dealer.b2b_is_dealer
                     ORDER BY am.id, st.offset_days DESC
                  ) latest
                 WHERE NOT EXISTS (
                       SELECT 1 FROM b2b_dunning_log log
                        WHERE log.move_id = latest.move_id
                          AND log.stage_id = latest.stage_id)
                 ORDER BY company_id, dealer_id, stage_id, due, move_id
                """,
                today=today,
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _b2b_plan(self, today):
        """Create the reminders to send: one per dealer and stage, with a log
        line per invoice (unique per invoice and stage). A constant number
        of queries whatever the number of dealers and invoices."""
        rows = self._b2b_due_invoices(today)
        if not rows:
            return self.browse()
        groups = {}
        for move_id, stage_id, dealer_id, company_id, residual, due in rows:
            groups.setdefault((company_id, dealer_id, stage_id), []).append(
                (move_id, residual, due)
            )
        # sudo: reminders and logs are written by the job only (no user
        # creates them); the job runs as the superuser anyway
        reminders = self.sudo().create(
            [
                {
                    "company_id": company_id,
                    "dealer_id": dealer_id,
                    "stage_id": stage_id,
                    "date": today,
                }
                for company_id, dealer_id, stage_id in groups
            ]
        )
        self.env["b2b.dunning.log"].sudo().create(
            [
                {
                    "reminder_id": reminder.id,
                    "move_id": move_id,
                    "stage_id": stage_id,
                    "company_id": company_id,
                    "dealer_id": dealer_id,
                    "amount_residual": residual,
                    "date_due": due,
                }
                for reminder, ((company_id, dealer_id, stage_id), moves) in zip(
                    reminders, groups.items(), strict=True
                )
                for move_id, residual, due in moves
            ]
        )
        _logger.info("Payment reminders: %s planned", len(reminders))
        return reminders.with_env(self.env)

    @api.model
    def _b2b_send_pending(self, limit=SEND_BATCH):
        """E-mail the reminders waiting to be sent (oldest first)."""
        reminders = self.sudo().search([("state", "=", "pending")], limit=limit)
        if reminders:
            reminders._b2b_send()
        return reminders

    def _b2b_statement_pdf(self):
        """The dealer's statement (the credit module's report, its default
        period) as an attachment of the reminder."""
        self.ensure_one()
        date_from, date_to = self.env[
            "res.partner"
        ]._b2b_credit_statement_default_period()
        content, _fmt = (
            self.env["ir.actions.report"]
            .with_company(self.company_id)
            ._render_qweb_pdf(
                STATEMENT_REPORT,
                self.dealer_id.ids,
                data={
                    "date_from": fields.Date.to_string(date_from),
                    "date_to": fields.Date.to_string(date_to),
                    "company_id": self.company_id.id,
                },
            )
        )
        name = self.with_context(lang=self.dealer_id.lang or self.env.lang).env._(
            "Statement %(dealer)s %(date)s",
            dealer=self.dealer_id.name,
            date=fields.Date.to_string(date_to),
        )
        return self.env["ir.attachment"].create(
            {
                "name": f"{name}.pdf",
                "raw": content,
                "mimetype": "application/pdf",
                "res_model": self._name,
                "res_id": self.id,
            }
        )

    def _b2b_send(self):
        """E-mail each reminder (its stage's template, the statement
        attached) to the dealer's recipients. The recipients of every
        dealer are found at once; each reminder then renders its e-mail
        and statement."""
        recipients = self.env["b2b.dunning.subscription"]._b2b_recipients(
            self.dealer_id
        )
        for reminder in self:
            partners = recipients.get(reminder.dealer_id.id)
            attachment = reminder._b2b_statement_pdf()
            mail = self.env["mail.mail"]
            if partners:
                mail = mail.browse(
                    reminder.stage_id.mail_template_id.send_mail(
                        reminder.id,
                        email_values={
                            "recipient_ids": [(6, 0, partners.ids)],
                            "attachment_ids": [(4, attachment.id)],
                        },
                    )
                )
            reminder.write(
                {
                    "state": "sent",
                    "recipient_ids": [(6, 0, partners.ids if partners else [])],
                    "mail_id": mail.id,
                    "attachment_id": attachment.id,
                }
            )
        return True

    # ------------------------------------------------------------------
    # Portal home
    # ------------------------------------------------------------------
    @api.model
    def _b2b_dealer_summary(self, dealer, company):
        """What the dealer's portal home shows, in one query: the open
        invoices overdue and falling due soon (within the company's
        earliest reminder stage, else 7 days), their amounts, and the late
        fees to be charged; ``active`` is False when the company has no
        reminder stage and no late-fee policy (the card is not shown)."""
        today = fields.Date.context_today(self)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH params AS (
                    SELECT COALESCE(
                             (SELECT -MIN(offset_days) FROM b2b_dunning_stage
                               WHERE company_id = %(company)s AND active
                                 AND offset_days < 0), 7) AS soon,
                           EXISTS(SELECT 1 FROM b2b_dunning_stage
                                   WHERE company_id = %(company)s AND active)
                           OR EXISTS(SELECT 1 FROM b2b_dunning_fee_policy
                                      WHERE company_id = %(company)s AND active)
                             AS active
                )
                SELECT params.active, params.soon,
                       COUNT(am.id) FILTER (WHERE am.invoice_date_due < %(today)s),
                       COALESCE(SUM(am.amount_residual_signed)
                                FILTER (WHERE am.invoice_date_due < %(today)s), 0),
                       COUNT(am.id) FILTER (
                           WHERE am.invoice_date_due >= %(today)s
                             AND am.invoice_date_due <= %(today)s + params.soon),
                       COALESCE(SUM(am.amount_residual_signed) FILTER (
                           WHERE am.invoice_date_due >= %(today)s
                             AND am.invoice_date_due <= %(today)s + params.soon), 0),
                       (SELECT COALESCE(SUM(fee.amount), 0) FROM b2b_dunning_fee fee
                         WHERE fee.dealer_id = %(dealer)s
                           AND fee.company_id = %(company)s
                           AND fee.state IN ('draft', 'validated'))
                  FROM params
                  LEFT JOIN account_move am
                    ON am.commercial_partner_id = %(dealer)s
                   AND am.company_id = %(company)s
                   AND am.move_type = 'out_invoice'
                   AND am.state = 'posted'
                   AND am.payment_state IN ('not_paid', 'partial')
                   AND am.amount_residual_signed > 0
                 GROUP BY params.active, params.soon
                """,
                company=company.id,
                dealer=dealer.id,
                today=today,
            )
        )
        active, soon, overdue, overdue_amount, due, due_amount, fees = (
            self.env.cr.fetchone()
        )
        return {
            "active": active,
            "soon_days": soon,
            "overdue_count": overdue,
            "overdue_amount": overdue_amount,
            "due_count": due,
            "due_amount": due_amount,
            "fee_amount": fees,
            "currency": company.currency_id,
        }
