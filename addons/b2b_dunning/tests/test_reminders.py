# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import B2bDunningCommon


@tagged("post_install", "-at_install")
class TestReminders(B2bDunningCommon):
    def _logged(self):
        return {
            (log.move_id, log.stage_id)
            for log in self.env["b2b.dunning.log"].search([])
        }

    def test_stage_selection(self):
        """27 Feb: March's invoice is 3 days before its due date, January's
        and Dealer Two's are more than 7 days overdue (the latest stage
        only), February's is not near its due date."""
        reminders = self._plan("2026-02-27")
        self.assertEqual(
            self._logged(),
            {
                (self.march, self.stage_before),
                (self.jan, self.stage_overdue),
                (self.invoice_b, self.stage_overdue),
            },
        )
        self.assertEqual(
            {(r.dealer_id, r.stage_id) for r in reminders},
            {
                (self.dealer, self.stage_before),
                (self.dealer, self.stage_overdue),
                (self.dealer_b, self.stage_overdue),
            },
        )
        self.assertEqual(set(reminders.mapped("state")), {"pending"})
        jan_log = self.env["b2b.dunning.log"].search([("move_id", "=", self.jan.id)])
        self.assertEqual(jan_log.amount_residual, 300.0)

    def test_stage_on_and_after_due_date(self):
        self._plan("2026-02-27")
        # the due date (2 March): the stage of the due date
        reminders = self._plan("2026-03-02")
        self.assertEqual(reminders.stage_id, self.stage_due)
        self.assertEqual(reminders.log_ids.move_id, self.march)
        # 6 days after it: nothing new; 7 days after it: overdue
        self.assertFalse(self._plan("2026-03-08"))
        reminders = self._plan("2026-03-09")
        self.assertEqual(reminders.stage_id, self.stage_overdue)
        self.assertEqual(reminders.log_ids.move_id, self.march)
        # February's invoice (due 15 March): 12 March, 3 days before
        reminders = self._plan("2026-03-12")
        self.assertEqual(reminders.log_ids.move_id, self.feb)
        self.assertEqual(reminders.stage_id, self.stage_before)

    def test_once_per_stage(self):
        first = self._plan("2026-02-27")
        self.assertEqual(len(first.log_ids), 3)
        self.assertFalse(self._plan("2026-02-27"))
        self.assertFalse(self._plan("2026-02-28"))
        self.assertEqual(len(self.env["b2b.dunning.log"].search([])), 3)

    @mute_logger("odoo.sql_db")
    def test_unique_log(self):
        reminder = self._plan("2026-02-27")[:1]
        log = reminder.log_ids[:1]
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["b2b.dunning.log"].sudo().create(
                {
                    "reminder_id": reminder.id,
                    "move_id": log.move_id.id,
                    "stage_id": log.stage_id.id,
                    "company_id": log.company_id.id,
                    "dealer_id": log.dealer_id.id,
                }
            )

    def test_paid_invoice_not_reminded(self):
        self._pay(self.march, 999.0, "2026-02-20")
        self._plan("2026-02-27")
        self.assertNotIn(self.march, {move for move, _stage in self._logged()})

    def test_archived_stage(self):
        """Without the overdue stage, the latest stage an overdue invoice
        reached is the due date's."""
        self.stage_overdue.active = False
        self._plan("2026-02-27")
        self.assertEqual(
            self._logged(),
            {
                (self.march, self.stage_before),
                (self.jan, self.stage_due),
                (self.invoice_b, self.stage_due),
            },
        )

    def test_send(self):
        """The e-mail goes to the dealer's finance and admin buyers (not its
        purchaser or approver), lists the invoices and attaches the
        statement."""
        reminders = self._plan("2026-02-27")
        reminders._b2b_send()
        reminder = reminders.filtered(
            lambda r: r.dealer_id == self.dealer and r.stage_id == self.stage_overdue
        )
        self.assertEqual(reminder.state, "sent")
        self.assertEqual(reminder.recipient_ids, (self.finance | self.admin).partner_id)
        mail = reminder.mail_id
        self.assertEqual(mail.recipient_ids, (self.finance | self.admin).partner_id)
        self.assertIn("overdue", mail.subject)
        self.assertIn(self.jan.name, mail.body_html)
        self.assertNotIn(self.march.name, mail.body_html)
        self.assertEqual(mail.attachment_ids, reminder.attachment_id)
        self.assertTrue(reminder.attachment_id.name.endswith(".pdf"))
        # Dealer Two: its finance buyer only
        other = reminders.filtered(lambda r: r.dealer_id == self.dealer_b)
        self.assertEqual(other.recipient_ids, self.finance_b.partner_id)

    def test_cron_idempotent(self):
        with freeze_time("2026-02-27 08:00:00"):
            self.env["b2b.dunning.reminder"].sudo()._cron_b2b_dunning()
            mails = self.env["mail.mail"].sudo().search_count([])
            reminders = self.env["b2b.dunning.reminder"].search_count([])
            self.env["b2b.dunning.reminder"].sudo()._cron_b2b_dunning()
        self.assertEqual(reminders, 3)
        self.assertEqual(self.env["b2b.dunning.reminder"].search_count([]), 3)
        self.assertEqual(self.env["mail.mail"].sudo().search_count([]), mails)
        self.assertFalse(
            self.env["b2b.dunning.reminder"].search([("state", "=", "pending")])
        )

    def test_dealer_without_buyers(self):
        """A dealer without buyers: the reminder goes to its own address."""
        dealer = self._create_dealer("Dealer Mail", email="ap@dealer-mail.example.com")
        invoice = self._post_invoice(dealer, 50.0, "2026-02-01", "2026-02-01")
        reminders = self._plan("2026-02-27")
        reminder = reminders.filtered(lambda r: r.dealer_id == dealer)
        self.assertEqual(reminder.log_ids.move_id, invoice)
        reminder._b2b_send()
        self.assertEqual(reminder.recipient_ids, dealer)
