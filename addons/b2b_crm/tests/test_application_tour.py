# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from urllib.parse import urlsplit

import requests

from odoo.tests import HttpCase, tagged
from odoo.tests.common import TEST_CURSOR_COOKIE_NAME

from odoo.addons.mail.tests.common import MockEmail

from .common import CODE, B2bCrmSetup

APPLICANT = "tour.applicant@tour-trading.example.com"
PASSWORD = "Applicant-Pw-2026"


@tagged("post_install", "-at_install")
class TestApplicationTour(B2bCrmSetup, MockEmail, HttpCase):
    """In Chromium, end to end: a public visitor applies with a licence
    file; a salesperson who may approve dealers reviews and approves the
    application in the backend form; the applicant receives Odoo's portal
    invitation, follows its link, sets a password and lands on /my as the
    dealer's admin buyer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._b2b_crm_setup()
        cls.region.name = "Tour East"

    def _invitation(self):
        """The mail.mail of Odoo's portal invitation ("Your account at ...")
        sent to the applicant, and the link it carries."""
        mails = self._new_mails.filtered(
            lambda mail: mail.email_to
            and APPLICANT in mail.email_to
            and mail.subject.startswith("Your account at")
        )
        self.assertEqual(len(mails), 1, "Odoo's portal invitation, once")
        self.assertEqual(mails.state, "sent")
        self.assertEqual(mails.model, "portal.wizard.user")
        links = re.findall(r'href="([^"]*/web/signup\?[^"]*)"', str(mails.body_html))
        self.assertEqual(len(links), 1, mails.body_html)
        link = urlsplit(links[0].replace("&amp;", "&"))
        return mails, f"{link.path}?{link.query}"

    def _login(self, password):
        """Sign in on /web/login as the applicant, in a new browser: its own
        cookie jar (Odoo rotates the session id at login), starting from a
        public session of the test database (the test server serves
        several)."""
        self.authenticate(None, None)
        browser = requests.Session()
        host = urlsplit(self.base_url()).hostname
        browser.cookies.set("session_id", self.session.sid, domain=host, path="/")
        # the cookie that routes the browser's requests to this test
        browser.cookies.set(
            TEST_CURSOR_COOKIE_NAME, self.http_request_key, domain=host, path="/"
        )
        page = browser.get(f"{self.base_url()}/web/login", timeout=60)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.assertTrue(token, page.text[:2000])
        return browser.post(
            f"{self.base_url()}/web/login",
            data={"login": APPLICANT, "password": password, "csrf_token": token[1]},
            timeout=60,
        )

    def test_apply_approve_login(self):
        # 1. the public visitor applies (no login)
        self.start_tour("/dealer/apply", "b2b_crm_public_application")
        lead = self.env["crm.lead"].search([("b2b_credit_code", "=", CODE)])
        self.assertEqual(len(lead), 1)
        self.assertEqual(lead.partner_name, "Tour Trading Co")
        self.assertEqual(lead.b2b_region_id, self.region)
        self.assertIn(lead.user_id, self.rep_1 | self.rep_2)
        self.assertEqual(lead.b2b_application_state, "new")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)]
        )
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(attachment.raw.startswith(b"%PDF-"))

        # 2. the reviewer (a salesperson seeing all leads and dealer manager:
        # the smallest groups that may approve an application assigned to a
        # colleague) approves it in the backend form
        with self.mock_mail_gateway():
            self.start_tour(
                f"/odoo/action-b2b_crm.crm_lead_action_b2b_application/{lead.id}",
                "b2b_crm_backend_approval",
                login=self.reviewer.login,
            )
            mail, signup_link = self._invitation()
        dealer = lead.b2b_dealer_id
        self.assertEqual(dealer.name, "Tour Trading Co")
        self.assertEqual(dealer.b2b_state, "approved")
        self.assertEqual(dealer.b2b_state_user_id, self.reviewer)
        self.assertEqual(dealer.b2b_tier_id, self.tier)
        self.assertEqual(dealer.vat, CODE)
        self.assertEqual(lead.b2b_application_state, "approved")
        self.assertTrue(lead.b2b_check_number and lead.b2b_check_document)
        user = lead.partner_id.user_ids
        self.assertEqual(len(user), 1)
        self.assertEqual(user.login, APPLICANT)
        self.assertEqual(user.partner_id.commercial_partner_id, dealer)
        self.assertTrue(user._is_portal())
        self.assertTrue(user._b2b_has_role("admin"))
        self.assertIn("Tour Applicant", str(mail.body_html))
        # no password yet: the applicant cannot sign in before following
        # the invitation
        self.assertNotIn("o_portal_my_home", self._login(PASSWORD).text)

        # 3. the applicant follows the invitation's link, sets a password
        # and lands on /my (a real sign-up through the token, not a password
        # written by the test)
        self.start_tour(signup_link, "b2b_crm_applicant_signup")
        # later, in a new session: the login page with the password chosen
        response = self._login(PASSWORD)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            urlsplit(response.url).path,
            "/my",
            re.findall(r"alert-danger[^<]*<[^<]*", response.text),
        )
        self.assertIn("o_portal_my_home", response.text)
        self.assertIn("Tour Applicant", response.text)
        # the token is spent: the link does not sign up a second time
        self.assertFalse(user.partner_id.signup_type)
