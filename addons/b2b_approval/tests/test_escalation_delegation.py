# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import B2bApprovalCommon

ACTIVITY = "b2b_approval.mail_activity_type_b2b_approval"


@tagged("post_install", "-at_install")
class TestEscalationDelegation(B2bApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._create_rule(
            [
                cls._users_step(
                    cls.approver1,
                    cls.approver2,
                    mode="all",
                    deadline_hours=48,
                    fallback_user_id=cls.director.id,
                )
            ]
        )

    def _submit(self):
        doc = self._create_doc(amount=1)
        doc.action_confirm()
        return doc, self._request(doc)

    def test_escalation(self):
        Request = self.env["b2b.approval.request"]
        with freeze_time("2026-03-02 09:00:00"):
            doc, request = self._submit()
            line = request.line_ids
            self.assertEqual(str(line.deadline), "2026-03-04 09:00:00")
            line.with_user(self.approver1).action_approve()
        with freeze_time("2026-03-04 08:59:00"):
            self.assertFalse(Request._cron_escalate())
            with self.assertRaises(AccessError):
                line.with_user(self.director).action_approve()
        with freeze_time("2026-03-04 09:01:00"):
            self.assertEqual(Request._cron_escalate(), line)
            self.assertTrue(line.escalated)
            self.assertIn(self.director, line.approver_user_ids)
            activities = request.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref(ACTIVITY)
            )
            self.assertIn(self.director, activities.user_id)
            self.assertFalse(Request._cron_escalate(), "escalated once")
            # The fallback alone completes the all-of step.
            line.with_user(self.director).action_approve("stand-in")
            self.assertEqual(line.state, "approved")
            self.assertEqual(request.state, "approved")

    def test_delegation(self):
        Delegation = self.env["b2b.approval.delegation"]
        with self.assertRaises(ValidationError):
            Delegation.with_user(self.approver1).create(
                {
                    "delegate_id": self.outsider.id,
                    "date_from": "2026-03-10",
                    "date_to": "2026-03-01",
                }
            )
        with self.assertRaises(ValidationError):
            Delegation.with_user(self.approver1).create(
                {"delegate_id": self.approver1.id, "date_to": "2026-03-01"}
            )
        delegation = Delegation.with_user(self.approver2).create(
            {
                "delegate_id": self.outsider.id,
                "date_from": "2026-03-10",
                "date_to": "2026-03-20",
            }
        )
        # Others cannot change my delegation.
        with self.assertRaises(AccessError):
            delegation.with_user(self.outsider).write({"date_to": "2026-12-31"})
        Line = self.env["b2b.approval.request.line"]
        with freeze_time("2026-03-05 10:00:00"):
            doc, request = self._submit()
            line = request.line_ids
            self.assertFalse(
                Line.with_user(self.outsider).search([("b2b_is_my_turn", "=", True)])
            )
            with self.assertRaises(AccessError):
                line.with_user(self.outsider).action_approve()
            line.with_user(self.approver1).action_approve()
        with freeze_time("2026-03-12 10:00:00"):
            inbox = Line.with_user(self.outsider).search(
                [("b2b_is_my_turn", "=", True)]
            )
            self.assertEqual(inbox, line)
            line.with_user(self.outsider).action_approve("for approver 2")
            self.assertEqual(line.state, "approved")
            self.assertEqual(line.decided_by_id, self.outsider)
            self.assertEqual(line.decided_for_id, self.approver2)
            self.assertEqual(line.approved_user_ids, self.approver1 | self.approver2)

    def test_delegation_expired(self):
        self.env["b2b.approval.delegation"].with_user(self.approver2).create(
            {
                "delegate_id": self.outsider.id,
                "date_from": "2026-03-10",
                "date_to": "2026-03-20",
            }
        )
        with freeze_time("2026-03-21 10:00:00"):
            doc, request = self._submit()
            with self.assertRaises(AccessError):
                request.line_ids.with_user(self.outsider).action_approve()

    def test_delegate_cannot_approve_own_request(self):
        """A requester who is a delegate of an approver still cannot approve."""
        self.env["b2b.approval.delegation"].with_user(self.approver1).create(
            {"delegate_id": self.requester.id, "date_to": "2099-12-31"}
        )
        doc, request = self._submit()
        with self.assertRaises(AccessError):
            request.line_ids.with_user(self.requester).action_approve()
