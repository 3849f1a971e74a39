# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.tests import tagged

from .common import PDF, PNG, B2bFinancePortalCommon


@tagged("post_install", "-at_install")
class TestFinancePortal(B2bFinancePortalCommon):
    """The portal routes: declaring (uploads checked), the statement pages,
    confirm and dispute, and who gets what."""

    def _post(self, url, data=None, files=None, login=None):
        if login:
            self.authenticate(login, login)
        data = dict(data or {}, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, files=files)

    def _declare_form(self, **values):
        data = {
            "amount": "250.00",
            "date": values.pop("date", None) or self._yesterday(),
            "bank_reference": "WEB-1",
            "payer_account": "6222",
        }
        data.update(values)
        return data

    def _yesterday(self):
        from datetime import timedelta

        from odoo import fields

        return fields.Date.to_string(fields.Date.today() - timedelta(days=1))

    def test_declare_through_the_form(self):
        self.authenticate(self.finance.login, self.finance.login)
        page = self.url_open("/my/b2b/payments/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.feb.name, page.text)
        self.assertNotIn(self.invoice_b.name, page.text)
        response = self._post(
            "/my/b2b/payments/new",
            {**self._declare_form(), "invoice_ids": [str(self.feb.id)]},
            files={"slip_file": ("slip.pdf", PDF, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        slip = self.env["b2b.payment.slip"].search([("bank_reference", "=", "WEB-1")])
        self.assertEqual(slip.amount, 250.0)
        self.assertEqual(slip.invoice_ids, self.feb)
        self.assertIn(f"declared={slip.id}", response.url)
        self.assertIn('id="b2b_payment_declared"', response.text)
        detail = self.url_open(f"/my/b2b/payments/{slip.id}")
        self.assertIn("WEB-1", detail.text)
        file = self.url_open(f"/my/b2b/payments/{slip.id}/file")
        self.assertEqual(file.content, PDF)
        self.assertEqual(file.headers["Content-Type"], "application/pdf")

    def test_declare_refused_uploads(self):
        self.authenticate(self.finance.login, self.finance.login)
        # above 10 MB Odoo's own request parser refuses the form (its 10 MB
        # form memory limit) before the route runs: an error page, no slip
        big = PNG + b"\x00" * (10 * 1024 * 1024)
        response = self._post(
            "/my/b2b/payments/new",
            self._declare_form(),
            files={"slip_file": ("slip.png", big, "image/png")},
        )
        self.assertGreaterEqual(response.status_code, 400)
        self.assertFalse(self.env["b2b.payment.slip"].search([]))
        for name, content, message in (
            ("slip.png", b"<svg onload=alert(1)>", "is not a PDF, JPG or PNG"),
            ("slip.pdf", b"GIF89a", "is not a PDF, JPG or PNG"),
        ):
            with self.subTest(message=message):
                response = self._post(
                    "/my/b2b/payments/new",
                    self._declare_form(),
                    files={"slip_file": (name, content, "image/png")},
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn('id="b2b_payment_errors"', response.text)
                self.assertIn(message, response.text)
                # what was typed is kept
                self.assertIn('value="WEB-1"', response.text)
        # an invoice of another dealer
        response = self._post(
            "/my/b2b/payments/new",
            {**self._declare_form(), "invoice_ids": [str(self.invoice_b.id)]},
            files={"slip_file": ("slip.png", PNG, "image/png")},
        )
        self.assertIn("Some of the invoices cannot be paid", response.text)
        self.assertFalse(self.env["b2b.payment.slip"].search([]))

    def test_who_gets_the_pages(self):
        slip = self._declare(self.finance, 10.0, "WHO")
        snapshot = self._snapshot()
        urls = [
            "/my/b2b/payments",
            "/my/b2b/payments/new",
            f"/my/b2b/payments/{slip.id}",
            f"/my/b2b/payments/{slip.id}/file",
            "/my/b2b/statements",
            f"/my/b2b/statements/{snapshot.id}",
            f"/my/b2b/statements/{snapshot.id}/pdf",
        ]
        expected = {
            self.finance.login: 200,
            self.admin.login: 200,
            self.purchaser.login: 403,
            self.approver.login: 403,
        }
        for login, status in expected.items():
            self.authenticate(login, login)
            for url in urls:
                with self.subTest(login=login, url=url):
                    self.assertEqual(self.url_open(url).status_code, status)
        # another dealer's finance user: the lists are its own, the records 404
        self.authenticate(self.finance_b.login, self.finance_b.login)
        for url in urls[2:4] + urls[5:]:
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        self.assertNotIn("WHO", self.url_open("/my/b2b/payments").text)
        # POSTs with another dealer's ids
        for action in ("confirm", "dispute"):
            response = self._post(
                f"/my/b2b/statements/{snapshot.id}/{action}",
                {"comment": "x", "line_ids": [str(i) for i in snapshot.line_ids.ids]},
            )
            self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot.state, "sent")

    def test_statement_pages_confirm(self):
        snapshot = self._snapshot()
        self.authenticate(self.finance.login, self.finance.login)
        home = self.url_open("/my")
        self.assertIn('id="b2b_statements_waiting"', home.text)
        self.assertIn(f"/my/b2b/statements/{snapshot.id}", home.text)
        page = self.url_open(f"/my/b2b/statements/{snapshot.id}")
        self.assertEqual(page.text.count('name="b2b_snapshot_line"'), 3)
        self.assertIn(snapshot.content_hash, page.text)
        pdf = self.url_open(f"/my/b2b/statements/{snapshot.id}/pdf")
        self.assertEqual(pdf.content, snapshot.attachment_id.raw)
        response = self._post(f"/my/b2b/statements/{snapshot.id}/confirm")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(snapshot.state, "confirmed")
        self.assertIn('id="b2b_statement_confirmed"', response.text)
        self.assertIn(self.finance.name, response.text)
        self.assertNotIn('id="b2b_statement_answer"', response.text)
        self.assertNotIn('id="b2b_statements_waiting"', self.url_open("/my").text)
        # a second answer is refused with a message
        response = self._post(
            f"/my/b2b/statements/{snapshot.id}/dispute", {"comment": "x"}
        )
        self.assertIn("already confirmed", response.text)
        self.assertEqual(snapshot.state, "confirmed")

    def test_statement_pages_dispute(self):
        snapshot = self._snapshot()
        line = snapshot.line_ids[1]
        self.authenticate(self.admin.login, self.admin.login)
        response = self._post(
            f"/my/b2b/statements/{snapshot.id}/dispute",
            {"comment": "", "line_ids": [str(line.id)]},
        )
        self.assertIn('id="b2b_statement_error"', response.text)
        self.assertEqual(snapshot.state, "sent")
        response = self._post(
            f"/my/b2b/statements/{snapshot.id}/dispute",
            {"comment": "Line two is wrong", "line_ids": [str(line.id)]},
        )
        self.assertEqual(snapshot.state, "disputed")
        self.assertTrue(line.disputed)
        self.assertIn('name="b2b_line_disputed"', response.text)
        self.assertIn("Line two is wrong", response.text)
        self.assertEqual(snapshot.activity_ids.user_id, self.accountant)

    def test_pages_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_finance_portal"], ["zh_CN"], overwrite=True
        )
        self.finance.lang = "zh_CN"
        snapshot = self._snapshot()
        self.authenticate(self.finance.login, self.finance.login)
        html = self.url_open(f"/my/b2b/statements/{snapshot.id}").text
        for label in ("确认对账单", "对勾选的明细提出异议", "待确认"):
            self.assertIn(label, html)
        html = self.url_open("/my/b2b/payments/new").text
        for label in ("申报银行转账", "银行流水号", "转账凭证"):
            self.assertIn(label, html)
