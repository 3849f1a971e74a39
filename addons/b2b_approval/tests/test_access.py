# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import B2bApprovalCommon


@tagged("post_install", "-at_install")
class TestAccess(B2bApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._create_rule(
            [{"approver_type": "group", "group_id": cls.approver_group.id}],
            "[('amount', '>', 1000)]",
        )
        cls.dealer_rule = cls._create_rule(
            [
                {"approver_type": "role", "role_id": cls.role_approver.id},
                {"approver_type": "role", "role_id": cls.role_finance.id},
            ],
            "[('amount', '>', 100)]",
            scope="dealer",
            name="Dealer chain",
        )
        cls.purchaser = cls._b2b_buyer(cls.dealer, "apv_purchaser", ("purchaser",))
        cls.portal_approver = cls._b2b_buyer(
            cls.dealer, "apv_portal_approver", ("approver",)
        )
        cls.portal_finance = cls._b2b_buyer(cls.dealer, "apv_finance", ("finance",))
        cls.other_approver = cls._b2b_buyer(
            cls.dealer_b, "apv_other_approver", ("approver",)
        )

    def _seller_request(self):
        doc = self._create_doc(amount=5000)
        doc.action_confirm()
        return self._request(doc)

    def test_non_approver_refused(self):
        request = self._seller_request()
        line = request.line_ids
        for user in (self.outsider, self.director):
            with self.assertRaises(AccessError):
                line.with_user(user).action_approve()
            with self.assertRaises(AccessError):
                request.with_user(user).action_reject("no")
        self.assertEqual(line.state, "pending")
        self.assertFalse(line.decided_by_id)

    def test_self_approval_refused(self):
        """The requester is in the approver group, and still cannot approve."""
        self.assertIn(self.requester, self.approver_group.users)
        request = self._seller_request()
        with self.assertRaisesRegex(AccessError, "your own request"):
            request.line_ids.with_user(self.requester).action_approve()
        with self.assertRaisesRegex(AccessError, "your own request"):
            request.with_user(self.requester).action_reject("whatever")
        # Even through a later group membership (approvers are not snapshot-bypassed)
        request.line_ids.approver_user_ids |= self.requester
        with self.assertRaises(AccessError):
            request.line_ids.with_user(self.requester).action_approve()
        self.assertEqual(request.state, "pending")

    def test_approver_cannot_write_requests_directly(self):
        request = self._seller_request()
        with self.assertRaises(AccessError):
            request.line_ids.with_user(self.approver1).write({"state": "approved"})
        with self.assertRaises(AccessError):
            request.with_user(self.approver1).unlink()

    def test_dealer_side_portal_chain(self):
        doc = self._create_doc(user=self.purchaser, amount=500)
        self.assertTrue(doc._b2b_approval_blocked("dealer"))
        request = doc.with_user(self.purchaser)._b2b_approval_request("dealer")
        self.assertEqual(request.scope, "dealer")
        self.assertEqual(request.dealer_id, self.dealer)
        self.assertEqual(request.requester_id, self.purchaser)
        approver_line, finance_line = request.line_ids
        self.assertEqual(approver_line.approver_user_ids, self.portal_approver)
        self.assertEqual(finance_line.approver_user_ids, self.portal_finance)
        Request = self.env["b2b.approval.request"]
        self.assertEqual(Request._b2b_portal_pending_for(self.portal_approver), request)
        # Portal approvers get an e-mail (no backend activity).
        self.assertTrue(
            self.env["mail.message"].search(
                [
                    ("model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("message_type", "=", "user_notification"),
                    ("partner_ids", "in", self.portal_approver.partner_id.ids),
                ]
            )
        )
        self.assertFalse(request.activity_ids)
        self.assertFalse(Request._b2b_portal_pending_for(self.portal_finance))
        self.assertFalse(Request._b2b_portal_pending_for(self.other_approver))
        # Another dealer's approver does not even see the request.
        self.assertFalse(Request.with_user(self.other_approver).search([]))
        with self.assertRaises(AccessError):
            approver_line.with_user(self.other_approver).action_approve()
        # Finance cannot jump the queue; the purchaser cannot approve.
        with self.assertRaises(UserError):
            finance_line.with_user(self.portal_finance).action_approve()
        with self.assertRaises(AccessError):
            approver_line.with_user(self.purchaser).action_approve()
        approver_line.with_user(self.portal_approver).action_approve("fine")
        self.assertEqual(Request._b2b_portal_pending_for(self.portal_finance), request)
        finance_line.with_user(self.portal_finance).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertFalse(doc._b2b_approval_blocked("dealer"))
        # The portal users of the dealer see their dealer's requests only.
        self.assertEqual(Request.with_user(self.purchaser).search([]), request)

    def test_portal_does_not_see_seller_side(self):
        self._seller_request()
        self.assertFalse(
            self.env["b2b.approval.request"].with_user(self.portal_approver).search([])
        )

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Approval Co 2"})
        request = self._seller_request()
        self.approver1.write({"company_ids": [(4, other.id)], "company_id": other.id})
        approver = self.approver1.with_context(allowed_company_ids=[other.id])
        Request = (
            self.env["b2b.approval.request"]
            .with_user(approver)
            .with_context(allowed_company_ids=[other.id])
        )
        self.assertFalse(Request.search([("id", "=", request.id)]))
        with self.assertRaises(AccessError):
            request.line_ids.with_user(approver).with_context(
                allowed_company_ids=[other.id]
            ).action_approve()
        rule_other = self.rule.with_user(approver).with_context(
            allowed_company_ids=[other.id]
        )
        self.assertFalse(rule_other.search([("id", "=", self.rule.id)]))
