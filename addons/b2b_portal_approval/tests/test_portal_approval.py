# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import tagged

from .common import B2bPortalApprovalCommon

INBOX = "/my/b2b/approvals"


@tagged("post_install", "-at_install")
class TestPortalApproval(B2bPortalApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 2,000: dealer chain then the seller; 1,000: dealer chain only.
        cls.big = cls._submit(cls.purchaser, 20)
        cls.small = cls._submit(cls.purchaser, 10)
        cls.order_b = cls._submit(cls.purchaser_b, 20)

    def _step(self, order, sequence=1):
        return self._request(order, "dealer").line_ids.filtered(
            lambda ln: ln.sequence == sequence
        )

    def _approve_url(self, order, sequence=1):
        return f"{INBOX}/{self._step(order, sequence).id}/approve"

    def _reject_url(self, order, sequence=1):
        return f"{INBOX}/{self._step(order, sequence).id}/reject"

    def test_submit_waits_for_dealer(self):
        self.assertEqual(self.big.state, "draft")
        request = self._request(self.big, "dealer")
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.requester_id, self.purchaser)
        self.assertFalse(self._request(self.big, "seller"))

    def test_inbox_only_own_pending(self):
        html = self._get(self.approver.login, INBOX).text
        self.assertIn(self.big.name, html)
        self.assertIn(self.small.name, html)
        self.assertNotIn(self.order_b.name, html)  # another dealer's order
        self.assertEqual(html.count('name="b2b_approval_item"'), 2)
        self.assertRegex(html, r'breadcrumb-item active">\s*Approvals')
        self.assertIn("pap_purchaser", html)  # the requester
        self.assertIn("Department manager", html)  # the step
        # The approver opens the order from the inbox (and its timeline).
        url = re.search(rf'href="(/my/orders/{self.big.id}[^"]*)"', html).group(1)
        page = self.url_open(url.replace("&amp;", "&"))
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/orders/{self.big.id}", page.url)
        self.assertIn('id="b2b_approval_timeline"', page.text)
        # Dealer B's approver sees only dealer B's order.
        html = self._get(self.approver_b.login, INBOX).text
        self.assertIn(self.order_b.name, html)
        self.assertNotIn(self.big.name, html)
        # Finance: not its turn yet.
        html = self._get(self.finance.login, INBOX).text
        self.assertIn('id="b2b_approvals_empty"', html)
        self.assertNotIn(self.big.name, html)
        # Purchaser: no approver role and no step of its own: the page says
        # the inbox is not for its role (and shows no order).
        response = self._get(self.purchaser.login, INBOX)
        self.assertEqual(response.status_code, 403)
        self.assertIn("not available for your role", response.text)
        self.assertNotIn(self.big.name, response.text)
        # Internal users and anonymous visitors are refused.
        self.assertEqual(self._get("pap_sales_manager", INBOX).status_code, 404)

    def _counter(self, login):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/my/counters", {"counters": ["b2b_approval_count"]}
        )["b2b_approval_count"]

    def test_home_card(self):
        html = self._get(self.approver.login, "/my/home").text
        self.assertIn('data-placeholder_count="b2b_approval_count"', html)
        self.assertEqual(self._counter(self.approver.login), 2)
        self.assertIn(
            'id="b2b_approval_card"', self._get(self.finance.login, "/my/home").text
        )
        self.assertEqual(self._counter(self.finance.login), 0)  # not its turn yet
        self.assertEqual(self._counter(self.approver_b.login), 1)
        html = self._get(self.purchaser.login, "/my/home").text
        self.assertNotIn('id="b2b_approval_card"', html)
        self.assertEqual(self._counter(self.purchaser.login), 0)
        self.assertEqual(self._counter("pap_sales_manager"), 0)

    def test_approve_chain_then_seller(self):
        response = self._post(
            self.approver.login, self._approve_url(self.big), comment="OK for Q3"
        )
        self.assertEqual(response.status_code, 303)
        step1 = self._step(self.big, 1)
        self.assertEqual(step1.state, "approved")
        self.assertEqual(step1.decided_by_id, self.approver)
        self.assertEqual(step1.comment, "OK for Q3")
        self.assertIn("approved", self.url_open(INBOX).text)  # flash message
        # Now the finance user's turn.
        html = self._get(self.finance.login, INBOX).text
        self.assertIn(self.big.name, html)
        self.assertEqual(
            self._post(self.finance.login, self._approve_url(self.big, 2)).status_code,
            303,
        )
        self.assertEqual(self._request(self.big, "dealer").state, "approved")
        # Above the seller's threshold: the seller's approval is requested in
        # the name of the purchaser; the order is not confirmed yet.
        seller = self._request(self.big, "seller")
        self.assertEqual(seller.state, "pending")
        self.assertEqual(seller.requester_id, self.purchaser)
        self.assertEqual(self.big.state, "draft")
        seller.with_user(self.sales_manager).action_approve()
        self.assertEqual(self.big.state, "sale")

    def test_approve_chain_then_confirmed(self):
        self._post(self.approver.login, self._approve_url(self.small))
        self._post(self.finance.login, self._approve_url(self.small, 2))
        self.assertFalse(self._request(self.small, "seller"))
        self.assertEqual(self.small.state, "sale")

    def test_reject_requires_reason(self):
        response = self._post(
            self.approver.login, self._reject_url(self.big), comment=" "
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._step(self.big).state, "pending")
        self.assertIn("reason", self.url_open(INBOX).text)
        response = self._post(
            self.approver.login, self._reject_url(self.big), comment="Too many units"
        )
        self.assertEqual(response.status_code, 303)
        step = self._step(self.big)
        self.assertEqual(step.state, "rejected")
        self.assertEqual(step.comment, "Too many units")
        self.assertEqual(self._request(self.big, "dealer").state, "rejected")
        self.assertEqual(self.big.state, "draft")
        self.assertEqual(self._step(self.big, 2).state, "cancelled")

    def test_purchaser_cannot_decide(self):
        for url in (self._approve_url(self.big), self._reject_url(self.big)):
            response = self._post(self.purchaser.login, url, comment="me")
            self.assertEqual(response.status_code, 404, url)
        # Another dealer's approver, and a step that does not exist.
        self.assertEqual(
            self._post(self.approver_b.login, self._approve_url(self.big)).status_code,
            404,
        )
        self.assertEqual(
            self._post(self.approver.login, f"{INBOX}/999999/approve").status_code, 404
        )
        # Finance before the approver: not its step yet.
        self.assertEqual(
            self._post(self.finance.login, self._approve_url(self.big, 2)).status_code,
            404,
        )
        self.assertEqual(
            self._request(self.big, "dealer").line_ids.mapped("state"), ["pending"] * 2
        )

    def test_no_csrf_refused(self):
        self.authenticate(self.approver.login, self.approver.login)
        response = self.url_open(
            self._approve_url(self.big), data={"comment": "x"}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._step(self.big).state, "pending")

    def test_requester_cannot_approve(self):
        # An approver orders: only the other approver may approve its order.
        order = self._submit(self.approver, 10)
        step = self._step(order)
        self.assertEqual(step.approver_user_ids, self.approver2)
        self.assertNotIn(order.name, self._get(self.approver.login, INBOX).text)
        self.assertIn(order.name, self._get(self.approver2.login, INBOX).text)
        response = self._post(self.approver.login, f"{INBOX}/{step.id}/approve")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(step.state, "pending")

    def test_double_post_harmless(self):
        url = self._approve_url(self.big)
        first = self._post(self.approver.login, url, comment="first")
        second = self._post(self.approver.login, url, comment="second")
        self.assertEqual((first.status_code, second.status_code), (303, 303))
        step1, step2 = self._step(self.big, 1), self._step(self.big, 2)
        self.assertEqual(step1.state, "approved")
        self.assertEqual(step1.comment, "first")
        self.assertEqual(step2.state, "pending")
        # Rejecting twice is harmless too.
        url = self._reject_url(self.small)
        self._post(self.approver.login, url, comment="no")
        response = self._post(self.approver.login, url, comment="no again")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._step(self.small).comment, "no")

    def test_timeline_on_order_page(self):
        self._post(
            self.approver.login, self._approve_url(self.big), comment="Fine by me"
        )
        self._post(self.finance.login, self._approve_url(self.big, 2))
        url = self.big.with_user(self.purchaser).sudo().get_portal_url()
        html = self._get(self.purchaser.login, url).text
        self.assertIn('id="b2b_approval_timeline"', html)
        self.assertIn('data-scope="dealer" data-state="approved"', html)
        self.assertIn('data-scope="seller" data-state="pending"', html)
        self.assertIn("Department manager", html)
        self.assertIn("Fine by me", html)
        self.assertIn("pap_approver", html)
        self.assertIn("Sales manager", html)
        # An order without approval shows no timeline.
        plain = self._submit(self.purchaser, 1)
        self.assertEqual(plain.state, "sale")
        html = self._get(
            self.purchaser.login,
            plain.with_user(self.purchaser).sudo().get_portal_url(),
        ).text
        self.assertNotIn('id="b2b_approval_timeline"', html)

    def test_notification_links_to_portal(self):
        request = self._request(self.big, "dealer")
        messages = self.env["mail.message"].search(
            [
                ("model", "=", "b2b.approval.request"),
                ("res_id", "=", request.id),
                ("partner_ids", "in", self.approver.partner_id.ids),
            ]
        )
        self.assertTrue(messages)
        self.assertIn("/my/b2b/approvals", messages[0].body)
        action = request.with_user(self.approver)._get_access_action()
        self.assertEqual(action["url"], "/my/b2b/approvals")
        # Internal users keep the backend form.
        seller_action = request._get_access_action(access_uid=self.sales_manager.id)
        self.assertNotEqual(seller_action.get("url"), "/my/b2b/approvals")

    def test_team_spending_limit(self):
        html = self._get(self.admin.login, "/my/b2b/team").text
        self.assertIn('name="b2b_spending_limit"', html)
        response = self._post(
            self.admin.login,
            "/my/b2b/team/save",
            user_id=str(self.purchaser.id),
            name="pap_purchaser",
            role_purchaser="1",
            b2b_spending_limit="1500.5",
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.purchaser.b2b_spending_limit, 1500.5)
        html = self._get(self.admin.login, "/my/b2b/team").text
        self.assertIn("1,500.50", html)
        # Negative or non-numeric limits are refused.
        for value in ("-5", "abc"):
            self._post(
                self.admin.login,
                "/my/b2b/team/save",
                user_id=str(self.purchaser.id),
                name="pap_purchaser",
                role_purchaser="1",
                b2b_spending_limit=value,
            )
            self.assertEqual(self.purchaser.b2b_spending_limit, 1500.5)

    def test_tour_dealer_approval(self):
        self.start_tour("/my", "b2b_portal_approval_approve", login=self.approver.login)
        # The tour approves the first order of the inbox (one of the two).
        approved = (self._step(self.big) | self._step(self.small)).filtered(
            lambda step: step.state == "approved"
        )
        self.assertEqual(len(approved), 1)
        self.assertEqual(approved.decided_by_id, self.approver)
        self.assertEqual(approved.comment, "Approved in the tour")
        order = self.env["sale.order"].browse(approved.request_id.res_id)
        # The finance step comes next: the order is not at the seller yet.
        self.assertEqual(self._step(order, 2).state, "pending")
        self.assertEqual(order.state, "draft")
        self.assertFalse(self._request(order, "seller"))

    def test_inbox_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_portal_approval"], ["zh_CN"], overwrite=True
        )
        self.approver.lang = "zh_CN"
        html = self._get(self.approver.login, INBOX).text
        for label in ("待我审批", "申请人", "批准", "驳回"):
            self.assertIn(label, html)

    def test_delegate_approves(self):
        """An approver out of office delegates: the delegate decides in the
        portal on the approver's behalf."""
        self.env["b2b.approval.delegation"].create(
            {
                "user_id": self.approver.id,
                "delegate_id": self.admin.id,
                "date_from": "2000-01-01",
                "date_to": "2999-12-31",
            }
        )
        html = self._get(self.admin.login, INBOX).text
        self.assertIn(self.big.name, html)
        response = self._post(self.admin.login, self._approve_url(self.big))
        self.assertEqual(response.status_code, 303)
        step = self._step(self.big)
        self.assertEqual(step.state, "approved")
        self.assertEqual(step.decided_by_id, self.admin)
        self.assertEqual(step.decided_for_id, self.approver)
