# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import B2bFinancePortalCommon


@tagged("post_install", "-at_install")
class TestStatementSnapshot(B2bFinancePortalCommon):
    """The monthly snapshot equals the credit module's statement, is frozen
    once confirmed, disputes open an activity, reminders once."""

    def _statement(self, dealer=None):
        return (dealer or self.dealer)._b2b_credit_statement(
            "2026-02-01", "2026-02-28", self.company
        )

    def test_snapshot_equals_statement(self):
        statement = self._statement()
        snapshot = self._snapshot()
        self.assertEqual(snapshot.month, "2026-02")
        self.assertEqual(snapshot.state, "sent")
        for key in (
            "opening_balance",
            "total_debit",
            "total_credit",
            "closing_balance",
        ):
            self.assertEqual(snapshot[key], statement[key], key)
        fields_ = (
            "date",
            "name",
            "ref",
            "kind",
            "due_date",
            "debit",
            "credit",
            "balance",
        )
        self.assertEqual(
            [{key: line[key] for key in fields_} for line in snapshot.line_ids],
            [{key: line[key] for key in fields_} for line in statement["lines"]],
        )
        self.assertEqual(len(snapshot.line_ids), 3)
        self.assertEqual(
            [bucket["amount"] for bucket in snapshot.ageing],
            [bucket["amount"] for bucket in statement["ageing"]],
        )
        # the frozen file is the credit module's report, hashed
        content = snapshot.attachment_id.raw
        self.assertEqual(snapshot.content_hash, hashlib.sha256(content).hexdigest())
        self.assertIn(self.feb.name.encode(), content)
        self.assertIn(b"Opening balance", content)
        # announced to the finance and admin buyers, with the PDF
        message = snapshot.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertEqual(message.attachment_ids, snapshot.attachment_id)
        self.assertEqual(message.partner_ids, (self.finance | self.admin).partner_id)
        # ... by e-mail (Odoo sent the mails already in test mode)
        emailed = message.notification_ids.filtered(
            lambda notification: notification.notification_type == "email"
        )
        self.assertEqual(emailed.res_partner_id, (self.finance | self.admin).partner_id)

    def test_snapshot_never_changes_after_confirmation(self):
        snapshot = self._snapshot()
        snapshot.with_user(self.finance)._b2b_portal_confirm()
        self.assertEqual(snapshot.state, "confirmed")
        self.assertEqual(snapshot.confirmed_by_id, self.finance)
        self.assertTrue(snapshot.confirmed_date)
        content, digest = snapshot.attachment_id.raw, snapshot.content_hash
        lines = [(line.name, line.debit, line.credit) for line in snapshot.line_ids]
        # accounting moves on: a new payment in February
        self._pay(self.feb, 50.0, "2026-02-25")
        self.assertNotEqual(
            self._statement()["closing_balance"], snapshot.closing_balance
        )
        for record, vals in (
            (snapshot, {"closing_balance": 1.0}),
            (snapshot, {"state": "sent"}),
            (snapshot, {"content_hash": "x"}),
            (snapshot.line_ids[:1], {"debit": 1.0}),
            (snapshot.attachment_id, {"raw": b"%PDF-forged"}),
        ):
            with self.subTest(model=record._name, vals=vals):
                with self.assertRaisesRegex(UserError, "confirmed statement"):
                    record.write(vals)
        with self.assertRaisesRegex(UserError, "confirmed statement"):
            snapshot.unlink()
        with self.assertRaisesRegex(UserError, "confirmed statement"):
            snapshot.attachment_id.unlink()
        with self.assertRaisesRegex(UserError, "confirmed statement"):
            snapshot.line_ids[:1].unlink()
        snapshot.invalidate_recordset()
        self.assertEqual(snapshot.attachment_id.raw, content)
        self.assertEqual(hashlib.sha256(content).hexdigest(), digest)
        self.assertEqual(
            [(line.name, line.debit, line.credit) for line in snapshot.line_ids], lines
        )
        # the thread stays open (the accountant may still write)
        snapshot.with_user(self.accountant).message_post(body="Thanks")
        with self.assertRaisesRegex(UserError, "already confirmed"):
            snapshot.with_user(self.finance)._b2b_portal_confirm()

    def test_dispute_flow(self):
        snapshot = self._snapshot()
        line = snapshot.line_ids.filtered(lambda line: line.kind == "credit_note")
        with self.assertRaisesRegex(UserError, "comment"):
            snapshot.with_user(self.admin)._b2b_portal_dispute(line.ids, " ")
        with self.assertRaisesRegex(UserError, "pick the lines"):
            snapshot.with_user(self.admin)._b2b_portal_dispute([], "Wrong")
        other = self._snapshot(self.dealer_b)
        with self.assertRaisesRegex(UserError, "Unknown"):
            snapshot.with_user(self.admin)._b2b_portal_dispute(
                other.line_ids.ids, "Wrong"
            )
        snapshot.with_user(self.admin)._b2b_portal_dispute(
            [str(line.id)], "The credit note is 120, not 100."
        )
        self.assertEqual(snapshot.state, "disputed")
        self.assertEqual(snapshot.line_ids.filtered("disputed"), line)
        self.assertEqual(snapshot.disputed_by_id, self.admin)
        activity = snapshot.activity_ids
        self.assertEqual(activity.user_id, self.accountant)
        self.assertIn("120", str(activity.note))
        comment = snapshot.message_ids.filtered(
            lambda m: m.author_id == self.admin.partner_id
        )
        self.assertIn("120", str(comment.body))
        # the accountant answers in the thread the dealer reads, then asks again
        snapshot.with_user(self.accountant).message_post(
            body="Corrected in March.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        bodies = snapshot.with_user(self.admin).message_ids.mapped("body")
        self.assertTrue(any("Corrected in March." in str(body) for body in bodies))
        with self.assertRaisesRegex(UserError, "already confirmed or disputed"):
            snapshot.with_user(self.finance)._b2b_portal_confirm()
        snapshot.with_user(self.accountant).action_b2b_reopen()
        self.assertEqual(snapshot.state, "sent")
        self.assertFalse(snapshot.activity_ids)
        snapshot.with_user(self.finance)._b2b_portal_confirm()
        self.assertEqual(snapshot.state, "confirmed")

    def test_answer_roles(self):
        snapshot = self._snapshot()
        for user in (self.purchaser, self.approver, self.finance_b, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                snapshot.with_user(user)._b2b_portal_confirm()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                snapshot.with_user(user)._b2b_portal_dispute(snapshot.line_ids.ids, "x")
        self.assertEqual(snapshot.state, "sent")

    @freeze_time("2026-03-01 02:00:00")
    def test_monthly_job(self):
        # sudo: the monthly job runs as the superuser
        Snapshot = self.env["b2b.statement.snapshot"].sudo()
        Snapshot.search([]).unlink()
        snapshots = Snapshot._cron_b2b_statement_snapshot()
        # Dealer One moved in February, Dealer Two has an invoice of February
        self.assertEqual(snapshots.dealer_id, self.dealer | self.dealer_b)
        self.assertEqual(set(snapshots.mapped("month")), {"2026-02"})
        self.assertEqual(snapshots.company_id, self.company)
        # once per month
        self.assertFalse(
            self.env["b2b.statement.snapshot"].sudo()._cron_b2b_statement_snapshot()
        )
        # a company that did not switch it on gets nothing
        self.env["b2b.statement.snapshot"].sudo().search([]).unlink()
        self.company.b2b_statement_confirmation = False
        self.assertFalse(
            self.env["b2b.statement.snapshot"].sudo()._cron_b2b_statement_snapshot()
        )

    def test_monthly_job_dealers_query(self):
        """Which dealers get a statement: one query for every dealer."""
        date_from = fields.Date.to_date("2026-04-01")
        date_to = fields.Date.to_date("2026-04-30")
        Snapshot = self.env["b2b.statement.snapshot"]
        with self._count_queries() as counter:
            ids = Snapshot._b2b_dealers_to_snapshot(self.company, date_from, date_to)
        self.assertEqual(counter["count"], 1)
        # nothing moved in April: only the open balances (both dealers)
        self.assertEqual(set(ids), {self.dealer.id, self.dealer_b.id})
        self._pay(self.invoice_b, 77.0, "2026-03-05")
        self.assertEqual(
            Snapshot._b2b_dealers_to_snapshot(self.company, date_from, date_to),
            [self.dealer.id],
        )

    def test_reminder(self):
        snapshot = self._snapshot()
        Snapshot = self.env["b2b.statement.snapshot"].sudo()
        self.assertFalse(Snapshot._cron_b2b_statement_reminder())
        confirmed = self._snapshot(date_from="2026-01-01", date_to="2026-01-31")
        confirmed.with_user(self.finance)._b2b_portal_confirm()
        later = fields.Datetime.now() + timedelta(days=8)
        with freeze_time(later):
            reminded = Snapshot._cron_b2b_statement_reminder()
            self.assertEqual(reminded, snapshot)
            self.assertEqual(snapshot.state, "overdue")
            message = snapshot.message_ids[:1]
            self.assertIn("Reminder", str(message.body))
            self.assertEqual(
                message.partner_ids, (self.finance | self.admin).partner_id
            )
            # once per statement
            self.assertFalse(Snapshot._cron_b2b_statement_reminder())
        # an overdue statement can still be confirmed
        snapshot.with_user(self.finance)._b2b_portal_confirm()
        self.assertEqual(snapshot.state, "confirmed")
