# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import DOC_MODEL, B2bApprovalCommon


@tagged("post_install", "-at_install")
class TestReset(B2bApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        note_field = cls.env["ir.model.fields"]._get(DOC_MODEL, "note")
        cls.rule = cls._create_rule(
            [cls._users_step(cls.approver1), cls._users_step(cls.approver2)],
            "[('amount', '>', 1000)]",
            harmless_field_ids=[note_field.id],
        )

    def _approved_doc(self):
        doc = self._create_doc(amount=5000)
        doc.action_confirm()
        request = self._request(doc)
        self._approve_all(request)
        self.assertEqual(request.state, "approved")
        return doc, request

    def test_material_change_after_approval_resets(self):
        doc, request = self._approved_doc()
        doc.with_user(self.requester).amount = 6000
        self.assertEqual(request.state, "cancelled")
        self.assertIn("Amount", request.reset_reason)
        self.assertEqual(set(request.line_ids.mapped("state")), {"cancelled"})
        self.assertEqual(
            request.line_ids.decided_by_id,
            self.approver1 | self.approver2,
            "the history of the former decisions is kept",
        )
        self.assertEqual(doc.b2b_approval_state, "none")
        doc.action_confirm()
        self.assertEqual(doc.state, "draft", "must be approved again")
        self.assertEqual(doc.b2b_approval_state, "pending")
        self.assertEqual(len(doc.b2b_approval_request_ids), 2)

    def test_material_change_while_pending_resets(self):
        doc = self._create_doc(amount=5000)
        doc.action_confirm()
        request = self._request(doc)
        request.line_ids[0].with_user(self.approver1).action_approve()
        doc.with_user(self.requester).partner_id = self.dealer_b
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(
            request.activity_ids, "approvers of a void request have nothing to do"
        )

    def test_harmless_change_keeps_approval(self):
        doc, request = self._approved_doc()
        # Harmless by the rule: nobody is locked out, nothing is reset.
        doc.with_user(self.requester).note = "Deliver at the back door"
        self.assertEqual(request.state, "approved")
        # Chatter and followers are always harmless.
        doc.with_user(self.requester).message_post(body="hello")
        doc.message_subscribe(partner_ids=self.outsider.partner_id.ids)
        self.assertEqual(request.state, "approved")
        doc.action_confirm()
        self.assertEqual(doc.state, "confirmed")

    def test_harmless_is_per_rule(self):
        """A field harmless for one rule only still resets the other's request."""
        self._create_rule(
            [self._users_step(self.director)], "[('amount', '>', 2000)]", name="Big"
        )
        doc, request = self._approved_doc()
        doc.note = "changed"
        self.assertEqual(request.state, "cancelled")

    def test_changes_after_transition_and_reopen(self):
        doc, request = self._approved_doc()
        doc.action_confirm()
        self.assertEqual(doc.state, "confirmed")
        doc.amount = 7000
        self.assertEqual(request.state, "approved", "a used approval is history")
        doc.state = "cancel"
        doc.state = "draft"
        self.assertEqual(request.state, "cancelled", "reopened: approve again")
        doc.action_confirm()
        self.assertEqual(doc.state, "draft")

    def test_fields_changed_helper(self):
        """Glue modules report changes of related records (e.g. order lines)."""
        doc, request = self._approved_doc()
        doc._b2b_approval_fields_changed(["note"])
        self.assertEqual(request.state, "approved")
        doc._b2b_approval_fields_changed(["amount"])
        self.assertEqual(request.state, "cancelled")
