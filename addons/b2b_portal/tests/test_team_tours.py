# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.portal.wizard.portal_wizard import PortalWizardUser

from .common import B2bPortalHttpCommon


@tagged("post_install", "-at_install")
class TestTeamInvitationTour(B2bPortalHttpCommon):
    """The dealer admin sees a pending invitation and sends it again, in
    Chromium at desktop size (this class) and on a 375 px phone (below).

    Odoo's loader runs only the test methods a class defines itself: each
    class has its own test method."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pending = cls._b2b_buyer(
            cls.dealer_a, "pa_pending", ("purchaser",), name="Pending Colleague"
        )

    def _b2b_run_invitation_tour(self):
        sent = []
        with patch.object(
            PortalWizardUser,
            "_send_email",
            autospec=True,
            side_effect=lambda wizard_user: sent.append(wizard_user.user_id.id),
        ):
            self.start_tour(
                "/my/b2b/team", "b2b_team_invitation_resend", login="pa_admin"
            )
        # Odoo's portal invitation, once, to the pending colleague, who stays
        # pending until they sign in
        self.assertEqual(sent, [self.pending.id])
        self.assertTrue(self.pending._b2b_is_team_pending())

    def test_tour_invitation_resend(self):
        self._b2b_run_invitation_tour()


@tagged("post_install", "-at_install")
class TestTeamInvitationTourPhone(TestTeamInvitationTour):
    browser_size = "375x667"
    touch_enabled = True

    def test_tour_invitation_resend_phone(self):
        self._b2b_run_invitation_tour()
