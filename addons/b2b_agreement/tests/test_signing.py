# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import hashlib
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PNG, SIGNATURE, B2bAgreementCommon


@tagged("post_install", "-at_install")
class TestAgreementSigning(B2bAgreementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement = cls._agreement()

    def test_sign_stores_signature_hash_and_pdf(self):
        self._sign(self.agreement)
        agreement = self.agreement
        self.assertEqual(agreement.state, "signed")
        self.assertEqual(base64.b64decode(agreement.signature), PNG)
        self.assertEqual(agreement.signed_by, "Pa Admin")
        self.assertEqual(agreement.signer_id, self.a_admin)
        self.assertEqual(agreement.signed_ip, "203.0.113.7")
        self.assertTrue(agreement.signed_on)
        self.assertEqual(len(agreement.content_hash), 64)
        self.assertEqual(agreement.content_hash, agreement._b2b_content_digest())
        attachment = agreement.attachment_id
        self.assertEqual(
            (attachment.res_model, attachment.res_id), ("b2b.agreement", agreement.id)
        )
        self.assertEqual(agreement.pdf_hash, hashlib.sha256(attachment.raw).hexdigest())
        # tests render the report's HTML (Odoo skips wkhtmltopdf in tests)
        content = attachment.raw.decode()
        for text in ("Pa Admin", "203.0.113.7", agreement.content_hash, "P-D1"):
            self.assertIn(text, content)
        self.assertIn("data:image/png;base64,", content)
        self.assertIn(attachment, agreement.message_ids.attachment_ids)
        # visible on the dealer
        self.assertIn(agreement, self.dealer_a.b2b_agreement_ids)
        self.assertEqual(self.dealer_a.b2b_agreement_ids.signed_pdf, attachment.datas)

    def test_signature_kept_with_the_last_paragraph(self):
        """The body's last block (and its heading) is printed inside the
        signature's block, which does not break across pages."""
        self._sign(self.agreement)
        content = self.agreement.attachment_id.raw.decode()
        block = content.index('name="b2b_agreement_signature"')
        self.assertLess(block, content.index("Agreement of "))
        self.assertLess(content.index("Agreement of "), content.index("Signed by"))
        self.assertIn("page-break-inside: avoid", content[block - 200 : block + 200])
        agreement = self._agreement(
            start=self.today + timedelta(days=400), end=self.today + timedelta(days=700)
        )
        agreement.body = (
            "<div><h4>1. Tier</h4><p>First.</p><h4>2. Orders</h4><p>Last.</p></div>"
        )
        head, last = agreement._b2b_report_body_parts()
        self.assertEqual(str(last), "<h4>2. Orders</h4><p>Last.</p>")
        self.assertEqual(str(head), "<h4>1. Tier</h4><p>First.</p>")
        agreement.body = False
        self.assertEqual(agreement._b2b_report_body_parts(), ("", ""))

    def test_hash_changes_with_the_content(self):
        self._sign(self.agreement)
        digest = self.agreement.content_hash
        self.agreement.invalidate_recordset()
        self.env.cr.execute(
            "UPDATE b2b_agreement SET target_amount = 1 WHERE id = %s",
            (self.agreement.id,),
        )
        self.assertNotEqual(self.agreement._b2b_content_digest(), digest)

    def test_signed_agreement_immutable(self):
        self._sign(self.agreement)
        Agreement = self.agreement.with_user(self.manager)
        for vals in (
            {"target_amount": 1.0},
            {"date_end": self.today + timedelta(days=999)},
            {"body": "<p>Other text</p>"},
            {"signed_by": "Somebody else"},
            {"state": "sent"},
        ):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                Agreement.write(vals)
        with self.assertRaises(UserError):
            Agreement.action_b2b_cancel()
        with self.assertRaises(UserError):
            Agreement.unlink()
        # its thread stays open
        Agreement.message_post(body="Note")

    def test_other_roles_read_but_cannot_sign(self):
        for user in (self.a_buyer, self.a_finance, self.a_approver):
            record = self.agreement.with_user(user)
            self.assertEqual(record.read(["name"])[0]["name"], self.agreement.name)
            with self.assertRaisesRegex(AccessError, "Only an admin buyer"):
                record._b2b_portal_sign(user.name, SIGNATURE)
        self.assertEqual(self.agreement.state, "sent")

    def test_buyers_ask_in_the_thread(self):
        message = self.agreement.with_user(self.a_finance).message_post(
            body="Is the target yearly?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(message.author_id, self.a_finance.partner_id)
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.b_buyer).message_post(
                body="Not mine", message_type="comment", subtype_xmlid="mail.mt_comment"
            )

    def test_other_dealer_and_staff_cannot_sign(self):
        # dealer B's admin buyer, a plain portal user, internal staff
        for user in (self.b_buyer, self.plain, self.manager):
            with self.assertRaises(AccessError):
                self.agreement.with_user(user)._b2b_portal_sign("X", SIGNATURE)
        # other dealers' agreements are not even readable
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.b_buyer).read(["name"])
        self.assertFalse(
            self.env["b2b.agreement"]
            .with_user(self.b_buyer)
            .search([("dealer_id", "=", self.dealer_a.id)])
        )
        self.assertEqual(self.agreement.state, "sent")

    def test_portal_cannot_write_over_rpc(self):
        record = self.agreement.with_user(self.a_admin)
        with self.assertRaises(AccessError):
            record.write({"state": "signed", "signed_by": "forged"})
        with self.assertRaises(AccessError):
            record.action_b2b_send()

    def test_drafts_invisible_and_unsignable(self):
        draft = self._agreement(
            dealer=self.dealer_a,
            start=self.today + timedelta(days=400),
            end=self.today + timedelta(days=700),
            send=False,
        )
        self.assertFalse(
            self.env["b2b.agreement"]
            .with_user(self.a_admin)
            .search([("id", "=", draft.id)])
        )
        with self.assertRaises(AccessError):
            draft.with_user(self.a_admin)._b2b_portal_sign("Pa", SIGNATURE)

    def test_sign_refusals(self):
        record = self.agreement.with_user(self.a_admin)
        with self.assertRaisesRegex(UserError, "Signature is missing"):
            record._b2b_portal_sign("Pa Admin", "")
        with self.assertRaisesRegex(UserError, "Invalid signature"):
            record._b2b_portal_sign("Pa Admin", "not base64!")
        with self.assertRaisesRegex(UserError, "Invalid signature"):
            record._b2b_portal_sign("Pa Admin", base64.b64encode(b"GIF89a").decode())
        with self.assertRaisesRegex(UserError, "write your name"):
            record._b2b_portal_sign("  ", SIGNATURE)
        self._sign(self.agreement)
        with self.assertRaisesRegex(UserError, "not waiting"):
            record._b2b_portal_sign("Pa Admin", SIGNATURE)
        ended = self._agreement(
            dealer=self.dealer_b,
            start=self.today - timedelta(days=20),
            end=self.today - timedelta(days=1),
        )
        with self.assertRaisesRegex(UserError, "period of this agreement has ended"):
            ended.with_user(self.b_buyer)._b2b_portal_sign("Pb", SIGNATURE)
