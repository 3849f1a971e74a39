# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.portal.wizard.portal_wizard import PortalWizardUser

from .common import CODE, B2bCrmSetup


@tagged("post_install", "-at_install")
class TestApplicationTour(B2bCrmSetup, HttpCase):
    """A public visitor applies in Chromium with a licence file, a dealer
    manager approves, the applicant signs in to /my as the dealer's admin."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._b2b_crm_setup()
        cls.region.name = "Tour East"

    def test_apply_approve_login(self):
        self.start_tour("/dealer/apply", "b2b_crm_public_application")
        lead = self.env["crm.lead"].search([("b2b_credit_code", "=", CODE)])
        self.assertEqual(len(lead), 1)
        self.assertEqual(lead.partner_name, "Tour Trading Co")
        self.assertEqual(lead.b2b_region_id, self.region)
        self.assertIn(lead.user_id, self.rep_1 | self.rep_2)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)]
        )
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(attachment.raw.startswith(b"%PDF-"))

        # the dealer manager reviews and approves in the backend
        sent = []
        lead = lead.with_user(self.reviewer)
        lead.action_b2b_review()
        lead.write(
            {
                "b2b_check_number": True,
                "b2b_check_expiry": True,
                "b2b_check_document": True,
                "b2b_tier_id": self.tier.id,
            }
        )
        with patch.object(
            PortalWizardUser,
            "_send_email",
            autospec=True,
            side_effect=lambda wizard_user: sent.append(wizard_user.user_id),
        ):
            lead.action_b2b_approve()
        dealer = lead.b2b_dealer_id
        self.assertEqual(dealer.b2b_state, "approved")
        self.assertEqual(len(sent), 1, "Odoo's portal invitation, once")
        user = sent[0]
        self.assertEqual(user.partner_id.commercial_partner_id, dealer)
        self.assertTrue(user._b2b_has_role("admin"))

        # the applicant sets a password (the invitation's sign-up link) and
        # signs in to the portal as the dealer's admin buyer
        user.sudo().password = "applicant-Pw-2026"
        self.authenticate(user.login, "applicant-Pw-2026")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Tour Applicant", response.text)
        self.assertTrue(response.url.endswith("/my"))
