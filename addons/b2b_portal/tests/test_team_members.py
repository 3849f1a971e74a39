# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.b2b_base.models.res_users import ResUsers
from odoo.addons.portal.wizard.portal_wizard import PortalWizardUser

from .common import B2bPortalHttpCommon, B2bPortalQueryCountMixin

ROW_RE = r'<tr[^>]*name="b2b_team_row"[^>]*data-user-id="%s".*?</tr>'


@tagged("post_install", "-at_install")
class TestTeamMembers(B2bPortalQueryCountMixin, B2bPortalHttpCommon):
    """Who is on the team page and how: e-mail, invitation pending (and its
    resend), and the users that are not team members (read-only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.a_buyer2.partner_id.email = "second.buyer@dealer-a.example.com"
        cls.pending = cls._b2b_buyer(
            cls.dealer_a, "pa_pending", ("purchaser",), name="Pending Colleague"
        )
        # the colleagues who signed in once (Odoo's login log)
        for user in cls.a_admin | cls.a_buyer | cls.a_buyer2:
            user.with_user(user)._update_last_login()

    def _row(self, html, user):
        match = re.search(ROW_RE % user.id, html, re.DOTALL)
        return match and match.group(0)

    def _team_html(self):
        self.authenticate("pa_admin", "pa_admin")
        response = self.url_open("/my/b2b/team")
        self.assertEqual(response.status_code, 200)
        return response.text

    # ------------------------------------------------------------------
    # E-mail and status
    # ------------------------------------------------------------------
    def test_email_and_status(self):
        html = self._team_html()
        row = self._row(html, self.a_buyer2)
        self.assertIn("second.buyer@dealer-a.example.com", row)
        self.assertIn('data-b2b-status="active"', row)
        self.assertNotIn('name="b2b_team_resend"', row)
        row = self._row(html, self.pending)
        self.assertIn(self.pending.email, row)
        self.assertIn('data-b2b-status="pending"', row)
        self.assertIn("Invitation pending", row)
        self.assertIn(f'action="/my/b2b/team/{self.pending.id}/resend"', row)
        self.assertIn('name="csrf_token"', row)
        self.a_buyer2.active = False
        row = self._row(self._team_html(), self.a_buyer2)
        self.assertIn('data-b2b-status="inactive"', row)

    def test_pending_model(self):
        self.assertTrue(self.pending._b2b_is_team_pending())
        self.assertFalse(self.a_buyer2._b2b_is_team_pending())

    # ------------------------------------------------------------------
    # Resend
    # ------------------------------------------------------------------
    def test_resend_invitation(self):
        self.authenticate("pa_admin", "pa_admin")
        sent = []
        with patch.object(
            PortalWizardUser,
            "_send_email",
            autospec=True,
            side_effect=lambda wizard_user: sent.append(wizard_user.user_id.id),
        ):
            response = self._post(f"/my/b2b/team/{self.pending.id}/resend")
        self.assertEqual(response.status_code, 200)
        # Odoo's portal invitation, once, to the pending colleague
        self.assertEqual(sent, [self.pending.id])
        self.assertIn("invitation was sent again to Pending Colleague", response.text)
        self.assertIn(self.pending.email, response.text)

    def test_resend_refused(self):
        self.authenticate("pa_admin", "pa_admin")
        with patch.object(
            PortalWizardUser, "_send_email", autospec=True, return_value=True
        ) as send_email:
            # a colleague who already signed in
            response = self._post(f"/my/b2b/team/{self.a_buyer2.id}/resend")
            self.assertIn("already accepted the invitation", response.text)
            # another dealer's user: the same 404 as a missing one
            response = self._post(f"/my/b2b/team/{self.b_buyer.id}/resend")
            self.assertEqual(response.status_code, 404)
            response = self._post("/my/b2b/team/987654321/resend")
            self.assertEqual(response.status_code, 404)
            # no CSRF token: refused by Odoo
            response = self.url_open(
                f"/my/b2b/team/{self.pending.id}/resend", data={"csrf_token": "x"}
            )
            self.assertEqual(response.status_code, 400)
            # GET is not a way to send it
            response = self.url_open(f"/my/b2b/team/{self.pending.id}/resend")
            self.assertNotEqual(response.status_code, 200)
        self.assertEqual(send_email.call_count, 0)

    def test_resend_model_rule(self):
        with patch.object(
            PortalWizardUser, "_send_email", autospec=True, return_value=True
        ) as send_email:
            with self.assertRaises(AccessError):
                self.pending.with_user(self.a_buyer)._b2b_team_invite_again()
            with self.assertRaises(AccessError):
                self.pending.with_user(self.b_buyer)._b2b_team_invite_again()
            with self.assertRaises(UserError):
                self.a_buyer2.with_user(self.a_admin)._b2b_team_invite_again()
            self.pending.with_user(self.a_admin)._b2b_team_invite_again()
        self.assertEqual(send_email.call_count, 1)

    # ------------------------------------------------------------------
    # Users that are not team members (b2b_api: integration users)
    # ------------------------------------------------------------------
    def _not_member(self, user):
        original = ResUsers._b2b_is_team_member

        def is_member(record):
            return record != user and original(record)

        return patch.object(ResUsers, "_b2b_is_team_member", is_member)

    def test_non_member_read_only(self):
        with self._not_member(self.a_buyer2):
            html = self._team_html()
            self.assertFalse(self._row(html, self.a_buyer2))
            self.assertIn('id="b2b_team_others"', html)
            others = html[html.index('id="b2b_team_others"') :]
            self.assertIn(f'data-user-id="{self.a_buyer2.id}"', others)
            self.assertIn("second.buyer@dealer-a.example.com", others)
            self.assertNotIn(f"edit={self.a_buyer2.id}", html)
            self.assertNotIn(f"/my/b2b/team/{self.a_buyer2.id}/", html)
            # every way of the page to change it is refused (404, as a user
            # that does not exist) and nothing is written
            response = self.url_open(f"/my/b2b/team?edit={self.a_buyer2.id}")
            self.assertEqual(response.status_code, 404)
            response = self._post(
                "/my/b2b/team/save",
                {
                    "user_id": str(self.a_buyer2.id),
                    "name": "Hacked",
                    "role_admin": "1",
                },
            )
            self.assertEqual(response.status_code, 404)
            response = self._post(
                f"/my/b2b/team/{self.a_buyer2.id}/active", {"active": "0"}
            )
            self.assertEqual(response.status_code, 404)
            response = self._post(f"/my/b2b/team/{self.a_buyer2.id}/resend")
            self.assertEqual(response.status_code, 404)
            # the model refuses it too, whoever calls it
            with self.assertRaises(AccessError):
                self.a_buyer2.with_user(self.a_admin)._b2b_team_write({"active": False})
        self.assertTrue(self.a_buyer2.active)
        self.assertEqual(self.a_buyer2.name, "pa_buyer2")
        self.assertEqual(self.a_buyer2.b2b_role_ids.mapped("code"), ["purchaser"])

    def test_team_write_rule(self):
        """Only an admin buyer of the same dealer writes a team member."""
        self.a_buyer2.with_user(self.a_admin)._b2b_team_write({"name": "Renamed"})
        self.assertEqual(self.a_buyer2.name, "Renamed")
        for actor, target in (
            (self.a_buyer, self.a_buyer2),  # not an admin
            (self.b_buyer, self.a_buyer2),  # admin of another dealer
            (self.a_admin, self.b_buyer),  # another dealer's user
        ):
            with self.subTest(actor=actor.login, target=target.login):
                with self.assertRaises(AccessError):
                    target.with_user(actor)._b2b_team_write({"name": "Hacked"})
        self.assertEqual(self.b_buyer.name, "pb_buyer")
        # internal users are not team members of any dealer
        self.assertFalse(self.env.user._b2b_is_team_member())
        self.assertFalse(self.plain._b2b_is_team_member())
        self.assertTrue(self.pending._b2b_is_team_member())

    # ------------------------------------------------------------------
    # Query budget
    # ------------------------------------------------------------------
    def test_query_count(self):
        """At most 40 queries, the same for a team of 7 and one of 12 (some
        pending, some signed in)."""
        few, html = self._b2b_count_warm("/my/b2b/team", "pa_admin")
        for index in range(5):
            user = self._b2b_buyer(self.dealer_a, f"pa_more_{index}", ("purchaser",))
            if index % 2:
                user.with_user(user)._update_last_login()
        many, html_many = self._b2b_count_warm("/my/b2b/team", "pa_admin")
        self.assertEqual(
            html_many.count('name="b2b_team_row"'),
            html.count('name="b2b_team_row"') + 5,
        )
        self.assertLessEqual(few, 40)
        self.assertEqual(few, many)
