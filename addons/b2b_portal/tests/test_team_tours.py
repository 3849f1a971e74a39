# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.portal.wizard.portal_wizard import PortalWizardUser

from .common import B2bPortalHttpCommon


class TeamInvitationTourMixin:
    """The dealer admin sees a pending invitation and sends it again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pending = cls._b2b_buyer(
            cls.dealer_a, "pa_pending", ("purchaser",), name="Pending Colleague"
        )

    def test_tour_invitation_resend(self):
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
        self.assertEqual(sent, [self.pending.id])
        self.assertTrue(self.pending._b2b_is_team_pending())


@tagged("post_install", "-at_install")
class TestTeamInvitationTour(TeamInvitationTourMixin, B2bPortalHttpCommon):
    pass


@tagged("post_install", "-at_install")
class TestTeamInvitationTourPhone(TeamInvitationTourMixin, B2bPortalHttpCommon):
    browser_size = "375x667"
    touch_enabled = True
