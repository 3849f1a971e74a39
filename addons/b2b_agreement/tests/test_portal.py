# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import SIGNATURE, B2bAgreementCommon


@tagged("post_install", "-at_install")
class TestAgreementPortal(B2bAgreementCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls._agreement()
        cls.agreement_b = cls._agreement(dealer=cls.dealer_b)
        cls.draft = cls._agreement(
            start=cls.today + timedelta(days=400),
            end=cls.today + timedelta(days=700),
            send=False,
        )

    def _sign_url(self, agreement):
        return f"/my/b2b/agreements/{agreement.id}/sign"

    def test_home_announces_the_agreement(self):
        self.authenticate("pa_admin", "pa_admin")
        html = self.url_open("/my").text
        self.assertIn('id="b2b_agreements_waiting"', html)
        self.assertIn("waiting for your signature", html)
        self.assertIn(f"/my/b2b/agreements/{self.agreement.id}", html)
        self.assertIn('id="b2b_agreements_link"', html)
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my").text
        self.assertIn("waiting for the signature of your administrator", html)

    def test_pages_by_role(self):
        self.authenticate("pa_admin", "pa_admin")
        html = self.url_open("/my/b2b/agreements").text
        self.assertIn(self.agreement.name, html)
        self.assertNotIn(self.draft.name, html)
        self.assertNotIn(self.agreement_b.name, html)
        page = self.url_open(f"/my/b2b/agreements/{self.agreement.id}").text
        self.assertIn('id="b2b_agreement_sign"', page)
        self.assertIn("portal.signature_form", page)
        # Odoo's widget opens in "Draw": the signer draws the signature
        self.assertRegex(page, r"mode(&#34;|&quot;|\")\s*:\s*(&#34;|&quot;|\")draw")
        self.assertIn(self.dealer_a.name, page)
        self.authenticate("pa_finance", "pa_finance")
        page = self.url_open(f"/my/b2b/agreements/{self.agreement.id}").text
        self.assertNotIn('id="b2b_agreement_sign"', page)
        self.assertIn('id="b2b_agreement_admin_only"', page)

    def test_other_dealers_drafts_and_strangers_get_404(self):
        self.authenticate("pa_admin", "pa_admin")
        for agreement in (self.agreement_b, self.draft):
            for suffix in ("", "/pdf"):
                response = self.url_open(f"/my/b2b/agreements/{agreement.id}{suffix}")
                self.assertEqual(response.status_code, 404)
        self.authenticate("p_plain", "p_plain")
        self.assertEqual(self.url_open("/my/b2b/agreements").status_code, 404)
        self.assertNotIn("b2b_agreements_link", self.url_open("/my").text)

    def test_sign_route(self):
        # another dealer's admin, with this agreement's id: refused
        self.authenticate("pb_buyer", "pb_buyer")
        result = self.make_jsonrpc_request(
            self._sign_url(self.agreement), {"name": "X", "signature": SIGNATURE}
        )
        self.assertEqual(result, {"error": "Invalid agreement."})
        # a purchaser of the dealer: the clear error of the model
        self.authenticate("pa_buyer", "pa_buyer")
        result = self.make_jsonrpc_request(
            self._sign_url(self.agreement), {"name": "X", "signature": SIGNATURE}
        )
        self.assertIn("Only an admin buyer", result["error"])
        self.assertEqual(self.agreement.state, "sent")
        # the admin buyer
        self.authenticate("pa_admin", "pa_admin")
        result = self.make_jsonrpc_request(
            self._sign_url(self.agreement),
            {"name": "Pa Admin", "signature": SIGNATURE},
        )
        self.assertTrue(result["force_refresh"])
        self.assertEqual(self.agreement.state, "signed")
        self.assertEqual(self.agreement.signed_ip, "127.0.0.1")
        pdf = self.url_open(f"/my/b2b/agreements/{self.agreement.id}/pdf")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.content, self.agreement.attachment_id.raw)
        page = self.url_open(f"/my/b2b/agreements/{self.agreement.id}").text
        self.assertIn(self.agreement.content_hash, page)
        self.assertNotIn('id="b2b_agreement_sign"', page)

    def test_rpc_with_other_ids(self):
        self.authenticate("pa_admin", "pa_admin")

        def call(method, args, kwargs=None):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "b2b.agreement",
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            )

        with self.assertRaises(JsonRpcException):
            call("read", [[self.agreement_b.id], ["name"]])
        with self.assertRaises(JsonRpcException):
            call("write", [[self.agreement.id], {"state": "signed"}])
        with self.assertRaises(JsonRpcException):
            call("_b2b_portal_sign", [[self.agreement.id], "Pa", SIGNATURE])
        with self.assertRaises(JsonRpcException):
            call("action_b2b_send", [[self.draft.id]])
        self.assertEqual(self.agreement.state, "sent")
        self.assertEqual(self.draft.state, "draft")

    def test_signed_pdf_not_deletable_by_the_dealer(self):
        """The signer sees the signed PDF in the thread but cannot delete it
        (nor empty the message) over HTTP; nobody deletes it in the ORM."""
        self.authenticate("pa_admin", "pa_admin")
        self.make_jsonrpc_request(
            self._sign_url(self.agreement),
            {"name": "Pa Admin", "signature": SIGNATURE},
        )
        attachment = self.agreement.attachment_id
        message = self.agreement.message_ids.filtered(
            lambda m, a=attachment: a in m.attachment_ids
        )
        self.assertEqual(len(message), 1)
        # posted by the company, not by the signer (an author may delete)
        self.assertEqual(message.author_id, self.env.company.partner_id)
        # with a sender, also when the company has no e-mail address (its
        # notice is sent; without one Odoo's mail queue fails to send it)
        self.assertTrue(message.email_from)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/attachment/delete", {"attachment_id": attachment.id}
            )
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/update_content",
                {"message_id": message.id, "body": "", "attachment_ids": []},
            )
        self.assertTrue(attachment.exists())
        self.assertEqual(self.agreement.attachment_id, attachment)
        self.assertIn(attachment, message.attachment_ids)
        with self.assertRaisesRegex(UserError, "cannot be deleted or changed"):
            attachment.unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted or changed"):
            attachment.write({"raw": b"%PDF-1.4 forged"})
        with self.assertRaisesRegex(UserError, "cannot be deleted or changed"):
            attachment.write({"res_id": self.agreement_b.id})
        # the same bytes again (a storage migration): allowed
        attachment.write({"raw": attachment.raw})
        self.assertTrue(attachment.exists())
