# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import HttpCase, tagged

from .common import CODE, PDF, PNG, B2bCrmSetup


@tagged("post_install", "-at_install")
class TestApplicationForm(B2bCrmSetup, HttpCase):
    """The public form: real uploads, refusals by content and size, the
    honeypot, the per-address rate limit and CSRF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._b2b_crm_setup()

    def _leads(self):
        return self.env["crm.lead"].search(
            [("b2b_is_application", "=", True), ("b2b_credit_code", "=", CODE)]
        )

    def _form(self):
        response = self.url_open("/dealer/apply")
        self.assertEqual(response.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(token, "the form carries Odoo's CSRF token")
        return response, token.group(1)

    def _post(self, token, files=(("licence.pdf", PDF, "application/pdf"),), **extra):
        data = {
            "csrf_token": token,
            "partner_name": "Form Trading Co",
            "credit_code": CODE,
            "contact_name": "Form Contact",
            "phone": "+86 138 1111 2222",
            "email": "form@form-trading.example.com",
            "state_id": str(self.state_zj.id),
            "city": "Hangzhou",
            "region_id": str(self.region.id),
            "license_number": "LIC-FORM",
            "license_expiry": "2999-12-31",
            "annual_volume": "120000",
            "message": "Hello",
            **extra,
        }
        return self.url_open(
            "/dealer/apply",
            data=data,
            files=[("license_files", file) for file in files],
        )

    def test_form_page(self):
        response, _token = self._form()
        self.assertIn('id="b2b_application_form"', response.text)
        self.assertIn(self.region.name, response.text)
        self.assertIn(self.state_zj.name, response.text)
        self.assertIn('name="b2b_website"', response.text)
        # every field of the form is there, the message box too (QWeb drops
        # an element whose t-out is None)
        self.assertIn('<textarea id="message" name="message"', response.text)

    def test_submit_pdf_and_png(self):
        _response, token = self._form()
        response = self._post(
            token,
            files=(
                ("licence.pdf", PDF, "application/pdf"),
                ("licence.png", PNG, "image/png"),
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="b2b_application_done"', response.text)
        lead = self._leads()
        self.assertEqual(len(lead), 1)
        self.assertEqual(lead.partner_name, "Form Trading Co")
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.b2b_region_id, self.region)
        self.assertEqual(lead.b2b_annual_volume, 120000)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)], order="id"
        )
        self.assertEqual(
            attachments.mapped("mimetype"), ["application/pdf", "image/png"]
        )
        self.assertEqual(attachments[1].raw, PNG)

    def test_wrong_type_by_content(self):
        """A text file named .pdf and sent as application/pdf is refused,
        and the form comes back with the input kept."""
        _response, token = self._form()
        response = self._post(
            token, files=(("licence.pdf", b"just some text", "application/pdf"),)
        )
        self.assertIn('id="b2b_application_errors"', response.text)
        self.assertIn("not a PDF, JPG or PNG", response.text)
        self.assertIn('value="Form Trading Co"', response.text)
        self.assertFalse(self._leads())

    def test_too_large(self):
        _response, token = self._form()
        big = PDF + (b"0" * 1023 + b"\n") * (10 * 1024)
        response = self._post(token, files=(("big.pdf", big, "application/pdf"),))
        self.assertIn("larger than 10 MB", response.text)
        self.assertFalse(self._leads())

    def test_bad_input_kept(self):
        _response, token = self._form()
        response = self._post(token, credit_code="91350100M000100Y44", email="x")
        self.assertIn("not a valid unified social credit code", response.text)
        self.assertIn("not a valid e-mail address", response.text)
        self.assertIn('value="91350100M000100Y44"', response.text)
        self.assertFalse(self._leads())

    def test_no_file(self):
        _response, token = self._form()
        response = self._post(token, files=())
        self.assertIn("Please attach your business licence", response.text)
        self.assertFalse(self._leads())

    def test_honeypot(self):
        _response, token = self._form()
        response = self._post(token, b2b_website="http://spam.example.com")
        # the bot sees the same thank-you page, nothing is created
        self.assertIn('id="b2b_application_done"', response.text)
        self.assertFalse(self._leads())

    def test_rate_limit(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "b2b_crm.application_rate_limit", "2"
        )
        _response, token = self._form()
        for _index in range(2):
            response = self._post(token, files=(("x.pdf", b"text", "application/pdf"),))
            self.assertIn("not a PDF", response.text)
        # the third submission within the hour is refused, even a good one
        response = self._post(token)
        self.assertIn("Too many applications", response.text)
        self.assertFalse(self._leads())
        attempts = self.env["b2b.crm.application.attempt"].search(
            [("ip", "=", "127.0.0.1")]
        )
        self.assertEqual(len(attempts), 3)

    def test_csrf_refused(self):
        self._form()
        response = self._post("not-the-token")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._leads())
        self.assertFalse(self.env["b2b.crm.application.attempt"].search([]))

    def test_form_in_chinese(self):
        """The page and its errors in Chinese under /zh_CN/ (Odoo's
        http_routing, no website app)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["portal", "b2b_crm"], ["zh_CN"], overwrite=True
        )
        response = self.url_open("/zh_CN/dealer/apply")
        self.assertEqual(response.status_code, 200)
        self.assertIn("成为经销商", response.text)
        self.assertIn("统一社会信用代码", response.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        response = self._post(token, credit_code="91350100M000100Y44")
        self.assertIn("不是有效的统一社会信用代码", response.text)
        self.assertFalse(self._leads())
