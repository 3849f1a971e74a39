# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import B2bApprovalCommon

ACTIVITY = "b2b_approval.mail_activity_type_b2b_approval"


@tagged("post_install", "-at_install")
class TestFlow(B2bApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._create_rule(
            [
                {"approver_type": "group", "group_id": cls.approver_group.id},
                cls._users_step(cls.approver2, cls.director, mode="all"),
                {"approver_type": "field", "approver_field": "manager_id"},
            ],
            "[('amount', '>', 1000)]",
        )

    def _submit(self, **vals):
        doc = self._create_doc(amount=5000, manager_id=self.director.id, **vals)
        doc.action_confirm()
        return doc, self._request(doc)

    def test_sequential_any_all_field(self):
        doc, request = self._submit()
        self.assertEqual(doc.state, "draft")
        self.assertEqual(doc.b2b_approval_state, "pending")
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.requester_id, self.requester)
        self.assertEqual(request.dealer_id, self.dealer)
        line1, line2, line3 = request.line_ids
        # The requester is in the group but never an approver of its request.
        self.assertEqual(line1.approver_user_ids, self.approver1)
        self.assertEqual(line3.approver_user_ids, self.director)
        self.assertEqual(request.current_line_id, line1)
        # Confirming again does not create a second request.
        doc.action_confirm()
        self.assertEqual(len(doc.b2b_approval_request_ids), 1)

        self.assertTrue(request.with_user(self.approver1).b2b_is_my_turn)
        self.assertFalse(request.with_user(self.requester).b2b_is_my_turn)
        self.assertFalse(request.with_user(self.director).b2b_is_my_turn)
        line1.with_user(self.approver1).action_approve("ok")
        self.assertEqual(line1.state, "approved")
        self.assertEqual(line1.decided_by_id, self.approver1)
        self.assertEqual(line1.comment, "ok")
        self.assertTrue(line1.decision_date)
        self.assertEqual(request.current_line_id, line2)
        # All-of: one approval is not enough.
        line2.with_user(self.approver2).action_approve()
        self.assertEqual(line2.state, "pending")
        self.assertEqual(line2.approved_user_ids, self.approver2)
        self.assertEqual(request.current_line_id, line2)
        line2.with_user(self.director).action_approve()
        self.assertEqual(line2.state, "approved")
        self.assertEqual(request.current_line_id, line3)
        self.assertEqual(request.state, "pending")
        line3.with_user(self.director).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(doc.b2b_approval_state, "approved")
        self.assertEqual(doc.state, "draft", "the rule does not proceed by itself")
        doc.action_confirm()
        self.assertEqual(doc.state, "confirmed")

    def test_out_of_order_refused(self):
        doc, request = self._submit()
        line1, line2, line3 = request.line_ids
        with self.assertRaisesRegex(UserError, "before the earlier steps"):
            line3.with_user(self.director).action_approve()
        with self.assertRaisesRegex(UserError, "before the earlier steps"):
            line2.with_user(self.director).action_reject("no")
        self.assertEqual(line3.state, "pending")
        self.assertEqual(line2.state, "pending")
        self.assertEqual(line1.state, "pending")

    def test_reject_needs_reason_and_is_reported(self):
        doc, request = self._submit()
        line1 = request.line_ids[0]
        with self.assertRaisesRegex(UserError, "reason"):
            line1.with_user(self.approver1).action_reject("  ")
        self.assertEqual(line1.state, "pending")
        wizard = Form(
            self.env["b2b.approval.request.line.reject"]
            .with_user(self.approver1)
            .with_context(default_line_id=line1.id)
        )
        wizard.reason = "Discount too high"
        wizard.save().action_reject()
        self.assertEqual(line1.state, "rejected")
        self.assertEqual(line1.comment, "Discount too high")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(set(request.line_ids[1:].mapped("state")), {"cancelled"})
        self.assertEqual(doc.b2b_approval_state, "rejected")
        message = doc.message_ids.filtered(
            lambda m: "Discount too high" in (m.body or "")
        )
        self.assertTrue(message)
        self.assertIn(self.requester.partner_id, message.partner_ids)
        # Rejected documents stay where they are; a new submission starts over.
        doc.action_confirm()
        self.assertEqual(doc.state, "draft")
        self.assertEqual(len(doc.b2b_approval_request_ids), 2)
        self.assertEqual(doc.b2b_approval_state, "pending")

    def test_activities_follow_the_current_step(self):
        doc, request = self._submit()
        activity_type = self.env.ref(ACTIVITY)
        activities = request.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(activities.user_id, self.approver1)
        # The activity comes with its e-mail notification to the approver.
        notification = self.env["mail.message"].search(
            [
                ("model", "=", request._name),
                ("res_id", "=", request.id),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", self.approver1.partner_id.ids),
            ]
        )
        self.assertTrue(notification)
        request.line_ids[0].with_user(self.approver1).action_approve()
        activities = request.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(activities.user_id, self.approver2 | self.director)
        request.line_ids[1].with_user(self.approver2).action_approve()
        activities = request.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(activities.user_id, self.director)

    def test_auto_transition(self):
        self.rule.auto_transition = True
        self.rule.step_ids[1:].unlink()
        doc, request = self._submit()
        request.with_user(self.approver1).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(doc.state, "confirmed")

    def test_request_level_actions_and_inbox(self):
        doc, request = self._submit()
        Line = self.env["b2b.approval.request.line"]
        inbox = Line.with_user(self.approver1).search([("b2b_is_my_turn", "=", True)])
        self.assertEqual(inbox, request.line_ids[0])
        self.assertFalse(
            Line.with_user(self.director).search([("b2b_is_my_turn", "=", True)]),
            "step 2 is not the director's turn yet",
        )
        self.assertFalse(
            Line.with_user(self.requester).search([("b2b_is_my_turn", "=", True)])
        )
        self.assertEqual(
            Line.with_user(self.approver1).search(
                [("b2b_is_my_turn", "=", False), ("request_id", "=", request.id)]
            ),
            request.line_ids[1:],
        )
        request.with_user(self.approver1).action_approve()
        inbox = Line.with_user(self.director).search([("b2b_is_my_turn", "=", True)])
        self.assertEqual(inbox, request.line_ids[1])
        request.with_user(self.director).action_approve()
        self.assertFalse(
            Line.with_user(self.director).search(
                [("b2b_is_my_turn", "=", True), ("id", "=", request.line_ids[1].id)]
            ),
            "all-of step already approved by the director",
        )
        request.with_user(self.approver2).action_reject("No budget")
        self.assertEqual(request.state, "rejected")
        with self.assertRaisesRegex(UserError, "no step waiting"):
            request.with_user(self.director).action_approve()

    def test_no_approver_left(self):
        rule = self._create_rule(
            [self._users_step(self.requester)], "[('discount', '>', 50)]"
        )
        doc = self._create_doc(discount=60)
        with self.assertRaisesRegex(UserError, "no approver"):
            doc.action_confirm()
        rule.step_ids.fallback_user_id = self.director
        doc.action_confirm()
        line = self._request(doc).line_ids
        self.assertEqual(line.approver_user_ids, self.director)

    def test_rules_changed_since_approval(self):
        doc, request = self._submit(discount=30)
        self._approve_all(request)
        self.assertEqual(request.state, "approved")
        self._create_rule(
            [self._users_step(self.approver2)], "[('discount', '>', 20)]", name="Disc"
        )
        doc.action_confirm()
        self.assertEqual(doc.state, "draft")
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(doc.b2b_approval_state, "pending")
