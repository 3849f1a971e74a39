# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bPortalHttpCommon


@tagged("post_install", "-at_install")
class TestRoleDenied(B2bPortalHttpCommon):
    """A buyer of the dealer opening a page of another role is told so
    (403, portal layout, link home); everybody else keeps the 404. The page
    shows nothing of the page refused, nor of another dealer."""

    def _assert_denied(self, response, *role_names):
        self.assertEqual(response.status_code, 403)
        html = response.text
        self.assertIn('id="b2b_role_denied"', html)
        self.assertIn("not available for your role", html)
        # the portal layout (Odoo's portal breadcrumbs) and a way home
        self.assertIn("o_portal_submenu", html)
        self.assertIn('id="b2b_role_denied_home" href="/my"', html)
        for name in role_names:
            self.assertIn(name, html)
        # nothing of the team page, nor of dealer B
        self.assertNotIn('id="b2b_team_table"', html)
        self.assertNotIn("pb_buyer", html)
        self.assertNotIn(self.dealer_b.name, html)

    def test_team_for_other_roles(self):
        admin_role = self.env.ref("b2b_base.b2b_buyer_role_admin").name
        for login in ("pa_buyer", "pa_approver", "pa_finance"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                self._assert_denied(self.url_open("/my/b2b/team"), admin_role)

    def test_quick_order_for_non_buyers(self):
        purchaser = self.env.ref("b2b_base.b2b_buyer_role_purchaser").name
        for login in ("pa_approver", "pa_finance"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                self._assert_denied(self.url_open("/my/b2b/quick_order"), purchaser)
                self._assert_denied(self.url_open("/my/b2b/lists"), purchaser)

    def test_record_routes_same_answer(self):
        """A role-restricted route of a record answers the role page before
        looking at the record: the same for an own, another dealer's and a
        missing record."""
        self.authenticate("pa_finance", "pa_finance")
        for user_id in (self.a_buyer2.id, self.b_buyer.id, 987654321):
            response = self._post(f"/my/b2b/team/{user_id}/active", {"active": "0"})
            self._assert_denied(response)
        self.assertTrue(self.a_buyer2.active)
        self.assertTrue(self.b_buyer.active)

    def test_not_dealer_buyers_keep_404(self):
        self.authenticate("p_plain", "p_plain")
        for url in ("/my/b2b/team", "/my/b2b/quick_order"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn('id="b2b_role_denied"', response.text)

    def test_dealer_page_stays_open(self):
        """The role page is for pages of a role only: the catalogue of every
        buyer is served as before."""
        self.authenticate("pa_finance", "pa_finance")
        self.assertEqual(self.url_open("/my/b2b/catalogue").status_code, 200)
