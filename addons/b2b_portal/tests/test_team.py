# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.portal.wizard.portal_wizard import PortalWizardUser

from .common import ADMIN, B2bPortalHttpCommon


@tagged("post_install", "-at_install")
class TestTeam(B2bPortalHttpCommon):
    """The dealer admin manages the users of its own dealer only."""

    def test_admin_only(self):
        # buyers of the dealer without the admin role: "not available for
        # your role" (403); anybody else: the 404 of a page that does not exist
        for login in ("pa_buyer", "pa_finance", "pa_approver"):
            self.authenticate(login, login)
            response = self.url_open("/my/b2b/team")
            self.assertEqual(response.status_code, 403, login)
            self.assertIn('id="b2b_role_denied"', response.text)
            self.assertNotIn('id="b2b_team_table"', response.text)
        self.authenticate("p_plain", "p_plain")
        self.assertEqual(self.url_open("/my/b2b/team").status_code, 404)
        self.authenticate("pa_admin", "pa_admin")
        html = self.url_open("/my/b2b/team").text
        self.assertIn('id="b2b_team_table"', html)
        self.assertIn('id="b2b_team_user_form"', html)
        self.assertIn("pa_buyer2", html)
        self.assertNotIn("pb_buyer", html)

    def test_invite(self):
        self.authenticate("pa_admin", "pa_admin")
        with patch.object(
            PortalWizardUser, "_send_email", autospec=True, return_value=True
        ) as send_email:
            response = self._post(
                "/my/b2b/team/save",
                {
                    "name": "New Buyer",
                    "email": "new.buyer@example.com",
                    "role_purchaser": "1",
                    "role_approver": "1",
                },
            )
        # Odoo's invitation e-mail of the portal wizard
        self.assertEqual(send_email.call_count, 1)
        self.assertIn("was invited", response.text)
        user = self.env["res.users"].search([("login", "=", "new.buyer@example.com")])
        self.assertTrue(user.share)
        self.assertEqual(user.partner_id.commercial_partner_id, self.dealer_a)
        self.assertEqual(
            set(user.b2b_role_ids.mapped("code")), {"purchaser", "approver"}
        )
        # the same e-mail cannot be invited twice
        response = self._post(
            "/my/b2b/team/save",
            {"name": "Again", "email": "new.buyer@example.com", "role_purchaser": "1"},
        )
        self.assertIn("already exists", response.text)

    def test_edit_roles(self):
        self.authenticate("pa_admin", "pa_admin")
        response = self._post(
            "/my/b2b/team/save",
            {
                "user_id": str(self.a_buyer2.id),
                "name": "pa_buyer2",
                "role_finance": "1",
            },
        )
        self.assertIn("was updated", response.text)
        self.assertEqual(self.a_buyer2.b2b_role_ids.mapped("code"), ["finance"])

    def test_other_dealer_user_refused(self):
        self.authenticate("pa_admin", "pa_admin")
        response = self._post(
            "/my/b2b/team/save",
            {"user_id": str(self.b_buyer.id), "name": "Hacked", "role_finance": "1"},
        )
        self.assertEqual(response.status_code, 404)
        response = self._post(f"/my/b2b/team/{self.b_buyer.id}/active", {"active": "0"})
        self.assertEqual(response.status_code, 404)
        self.assertTrue(self.b_buyer.active)
        self.assertEqual(self.b_buyer.name, "pb_buyer")

    def test_last_admin_and_self(self):
        self.authenticate("pa_admin", "pa_admin")
        response = self._post(
            "/my/b2b/team/save",
            {
                "user_id": str(self.a_admin.id),
                "name": "pa_admin",
                "role_purchaser": "1",
            },
        )
        self.assertIn("at least one active administrator", response.text)
        self.assertTrue(self.a_admin.has_group(ADMIN))
        response = self._post(f"/my/b2b/team/{self.a_admin.id}/active", {"active": "0"})
        self.assertIn("cannot deactivate yourself", response.text)
        self.assertTrue(self.a_admin.active)

    def test_deactivate_and_reactivate(self):
        self.authenticate("pa_admin", "pa_admin")
        response = self._post(
            f"/my/b2b/team/{self.a_buyer2.id}/active", {"active": "0"}
        )
        self.assertIn("was deactivated", response.text)
        self.assertFalse(self.a_buyer2.active)
        response = self._post(
            f"/my/b2b/team/{self.a_buyer2.id}/active", {"active": "1"}
        )
        self.assertTrue(self.a_buyer2.active)

    def test_second_admin_can_be_demoted(self):
        self.a_finance.groups_id = [(4, self.env.ref(ADMIN).id)]
        self.authenticate("pa_admin", "pa_admin")
        self._post(
            "/my/b2b/team/save",
            {
                "user_id": str(self.a_finance.id),
                "name": "pa_finance",
                "role_finance": "1",
            },
        )
        self.assertFalse(self.a_finance.has_group(ADMIN))
