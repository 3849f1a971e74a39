# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import B2bApprovalCommon


@tagged("post_install", "-at_install")
class TestIdempotent(B2bApprovalCommon):
    def test_double_decision_is_a_no_op(self):
        self._create_rule([self._users_step(self.approver1, self.approver2)])
        doc = self._create_doc(amount=1)
        doc.action_confirm()
        request = self._request(doc)
        line = request.line_ids
        line.with_user(self.approver1).action_approve("first")
        messages = len(request.message_ids)
        # Double click, second tab, second approver of an any-of step.
        line.with_user(self.approver1).action_approve("second")
        line.with_user(self.approver2).action_approve("third")
        self.assertEqual(line.decided_by_id, self.approver1)
        self.assertEqual(line.comment, "first")
        self.assertEqual(len(request.message_ids), messages)
        self.assertEqual(request.state, "approved")

    def test_double_rejection_is_a_no_op(self):
        self._create_rule([self._users_step(self.approver1)])
        doc = self._create_doc(amount=1)
        doc.action_confirm()
        line = self._request(doc).line_ids
        line.with_user(self.approver1).action_reject("no")
        line.with_user(self.approver1).action_reject("no again")
        self.assertEqual(line.comment, "no")


@tagged("post_install", "-at_install")
class TestConcurrentDecisions(TransactionCase):
    """Two transactions decide the same step at once: one wins, the other is a
    no-op after Odoo's serialization retry.

    This test works on committed data (two real cursors), and removes it.
    """

    def setUp(self):
        super().setUp()
        self.admin_id = self.env.ref("base.user_admin").id
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            partner = env["res.partner"].create({"name": "B2B approval race"})
            request = env["b2b.approval.request"].create(
                {
                    "res_model": "res.partner",
                    "res_id": partner.id,
                    "res_name": partner.name,
                    "scope": "seller",
                    "company_id": env.company.id,
                    "requester_id": SUPERUSER_ID,
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Race",
                                "mode": "any",
                                "approver_user_ids": [Command.set([self.admin_id])],
                            }
                        )
                    ],
                }
            )
            self.partner_id, self.request_id = partner.id, request.id
            self.line_id = request.line_ids.id
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["b2b.approval.request"].browse(self.request_id).unlink()
            env["res.partner"].browse(self.partner_id).unlink()

    def _line(self, cr):
        env = api.Environment(cr, self.admin_id, {"tracking_disable": True})
        return env["b2b.approval.request.line"].browse(self.line_id)

    def test_two_transactions(self):
        outcome = {}
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            line_b = self._line(cr_b)
            self.assertEqual(line_b.state, "pending")  # B's snapshot starts here
            self.assertTrue(self._line(cr_a).action_approve("A"))  # A holds the row

            def decide_b():
                try:
                    with mute_logger("odoo.sql_db"):
                        outcome["b"] = line_b.action_approve("B")
                except SerializationFailure as error:
                    outcome["b"] = error

            thread = threading.Thread(target=decide_b)
            thread.start()
            time.sleep(0.5)
            self.assertTrue(thread.is_alive(), "B waits for A's lock")
            cr_a.commit()
            thread.join(30)
            self.assertIsInstance(outcome["b"], SerializationFailure)
            # What Odoo's retry does: run B again in a fresh transaction.
            cr_b.rollback()
            line_b = self._line(cr_b)
            line_b.invalidate_recordset()
            self.assertFalse(line_b._b2b_decide("approved", "B"), "the retry: no-op")
            cr_b.commit()
        with self.registry.cursor() as cr:
            line = self._line(cr)
            self.assertEqual(line.state, "approved")
            self.assertEqual(line.comment, "A")
            self.assertEqual(line.request_id.state, "approved")
