# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time
from lxml import html as lxml_html

from odoo.tests import tagged

from .common import B2bPortalCreditCommon

STATEMENT = "/my/b2b/statement?date_from=2026-02-01&date_to=2026-02-28"
PDF = "/my/b2b/statement/pdf?date_from=2026-02-01&date_to=2026-02-28"


@tagged("post_install", "-at_install")
class TestPortalCredit(B2bPortalCreditCommon):
    # ------------------------------------------------------------------
    # Home card
    # ------------------------------------------------------------------
    def test_home_card_by_role(self):
        info = self.dealer._b2b_credit_info(self.company)
        for user in (self.finance, self.admin):
            html = self._get("/my/home", user.login).text
            self.assertIn('id="b2b_credit_card"', html, user.login)
            self.assertEqual(self._value(html, "b2b_credit_used"), info["exposure"])
            self.assertEqual(self._value(html, "b2b_credit_limit"), 1000.0)
            self.assertEqual(
                self._value(html, "b2b_credit_available"), info["available"]
            )
            self.assertEqual(self._value(html, "b2b_credit_overdue"), info["overdue"])
            self.assertIn('role="progressbar"', html)
            self.assertIn("/my/b2b/statement", html)
            # a tall panel: in the panels row, not among the counter cards
            card = lxml_html.fromstring(html).get_element_by_id("b2b_credit_card")
            self.assertEqual(card.getparent().get("id"), "b2b_portal_home_panels")
        # Purchasers and approvers: available credit and hold status only.
        for user in (self.purchaser, self.approver):
            html = self._get("/my/home", user.login).text
            self.assertIn('id="b2b_credit_card"', html, user.login)
            self.assertEqual(
                self._value(html, "b2b_credit_available"), info["available"]
            )
            self.assertNotIn('id="b2b_credit_used"', html)
            self.assertNotIn('id="b2b_credit_overdue"', html)
            self.assertNotIn("/my/b2b/statement", html)
        # Internal users and portal users of no dealer get no card.
        self.assertNotIn(
            'id="b2b_credit_card"', self._get("/my/home", "b2b_credit_invoicer").text
        )

    def test_home_card_hold(self):
        self.dealer.sudo().write(
            {
                "b2b_credit_hold": True,
                "b2b_credit_hold_type": "manual",
                "b2b_credit_hold_reason": "Cheque bounced XYZ",
            }
        )
        html = self._get("/my/home", self.finance.login).text
        self.assertIn('id="b2b_credit_hold"', html)
        self.assertIn("Cheque bounced XYZ", html)
        html = self._get("/my/home", self.purchaser.login).text
        self.assertIn('id="b2b_credit_hold"', html)
        self.assertNotIn("Cheque bounced XYZ", html)

    def test_credit_access_policy(self):
        self.assertEqual(self.finance._b2b_portal_credit_access(), "full")
        self.assertEqual(self.admin._b2b_portal_credit_access(), "full")
        self.assertEqual(self.purchaser._b2b_portal_credit_access(), "summary")
        self.assertEqual(self.approver._b2b_portal_credit_access(), "summary")
        self.assertEqual(self.invoicer._b2b_portal_credit_access(), "")

    # ------------------------------------------------------------------
    # Statement
    # ------------------------------------------------------------------
    def _accounting(self, dealer, date_from, date_to):
        """Totals of the dealer's posted receivable items, from the ORM."""
        Line = self.env["account.move.line"]
        base = [
            ("partner_id.commercial_partner_id", "=", dealer.id),
            ("company_id", "=", self.company.id),
            ("parent_state", "=", "posted"),
            ("account_id.account_type", "=", "asset_receivable"),
        ]
        before = Line.search(base + [("date", "<", date_from)])
        period = Line.search(
            base + [("date", ">=", date_from), ("date", "<=", date_to)]
        )
        opening = sum(before.mapped("balance"))
        return {
            "opening": opening,
            "debit": sum(period.mapped("debit")),
            "credit": sum(period.mapped("credit")),
            "closing": opening + sum(period.mapped("balance")),
        }

    def test_statement_totals_equal_accounting(self):
        expected = self._accounting(self.dealer, "2026-02-01", "2026-02-28")
        self.assertEqual(expected["opening"], 500.0)  # the January invoice
        for user in (self.finance, self.admin):
            response = self._get(STATEMENT, user.login)
            self.assertEqual(response.status_code, 200)
            html = response.text
            self.assertAlmostEqual(
                self._value(html, "b2b_statement_opening"), expected["opening"]
            )
            self.assertAlmostEqual(
                self._value(html, "b2b_statement_debit"), expected["debit"]
            )
            self.assertAlmostEqual(
                self._value(html, "b2b_statement_credit"), expected["credit"]
            )
            self.assertAlmostEqual(
                self._value(html, "b2b_statement_closing"), expected["closing"]
            )
            self.assertEqual(html.count('name="b2b_statement_line"'), 3)
            self.assertIn(self.feb.name, html)
            self.assertIn(self.refund.name, html)
            self.assertNotIn(self.march.name, html)  # after the period
            self.assertNotIn(self.invoice_b.name, html)  # another dealer
            self.assertIn('data-b2b-ageing="31_60"', html)
            self.assertIn("/my/b2b/statement/pdf?date_from=2026-02-01", html)

    def test_statement_default_period(self):
        html = self._get("/my/b2b/statement", self.finance.login).text
        self.assertIn('id="b2b_statement_table"', html)
        self.assertNotIn('id="b2b_statement_errors"', html)
        # The page is in the portal's breadcrumbs: Home / Statement of account.
        self.assertRegex(html, r'breadcrumb-item active">\s*Statement of account')

    @freeze_time("2026-03-03")
    def test_statement_default_period_is_one_rule(self):
        """Asked without dates, the portal page, the PDF report and the
        backend wizard show the same period: the previous month and the
        current one so far (on March 3rd, February 1st to March 3rd)."""
        expected = (date(2026, 2, 1), date(2026, 3, 3))
        Partner = self.env["res.partner"]
        self.assertEqual(Partner._b2b_credit_statement_default_period(), expected)
        html = self._get("/my/b2b/statement", self.finance.login).text
        self.assertIn('id="b2b_date_from" name="date_from"', html)
        self.assertIn('value="2026-02-01"', html)
        self.assertIn('value="2026-03-03"', html)
        self.assertIn(self.feb.name, html)  # February's invoice is listed
        wizard = self.env["res.partner.credit.statement"].new(
            {"partner_id": self.dealer.id}
        )
        self.assertEqual((wizard.date_from, wizard.date_to), expected)
        statement = self.dealer._b2b_credit_statement(*expected, self.env.company)
        values = self.env[
            "report.b2b_credit.report_res_partner_statement"
        ]._get_report_values(self.dealer.ids)
        self.assertEqual(
            values["statements"][self.dealer.id]["lines"], statement["lines"]
        )

    def test_statement_refused(self):
        # buyers of the dealer without the finance or admin role are told the
        # page is not for their role; anybody else gets the 404
        for login in (self.purchaser.login, self.approver.login):
            for url in (STATEMENT, PDF):
                response = self._get(url, login)
                self.assertEqual(response.status_code, 403, (login, url))
                self.assertIn('id="b2b_role_denied"', response.text)
                self.assertIn('href="/my"', response.text)
                self.assertNotIn(self.feb.name, response.text)
                self.assertNotIn('id="b2b_statement"', response.text)
        for url in (STATEMENT, PDF):
            response = self._get(url, "b2b_credit_invoicer")
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn(self.feb.name, response.text)
        self.authenticate(None, None)
        response = self.url_open(STATEMENT, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_statement_other_dealer(self):
        """A dealer's finance user only ever gets its own dealer's statement,
        whatever parameters it sends."""
        url = f"{STATEMENT}&partner_id={self.dealer.id}&dealer_id={self.dealer.id}"
        html = self._get(url, self.finance_b.login).text
        self.assertIn(self.invoice_b.name, html)
        self.assertNotIn(self.feb.name, html)
        self.assertNotIn(self.dealer.name, html)
        pdf = self._get(PDF + f"&partner_id={self.dealer.id}", self.finance_b.login)
        self.assertEqual(pdf.status_code, 200)
        self.assertIn(self.invoice_b.name, pdf.text)
        self.assertNotIn(self.feb.name, pdf.text)

    def test_statement_bad_dates(self):
        for query, message in (
            ("date_from=2026-13-01&date_to=2026-02-28", "not a valid date"),
            ("date_from=2026-02-01&date_to=yesterday", "not a valid date"),
            ("date_from=2026-03-01&date_to=2026-02-01", "must be before"),
            ("date_from=2020-01-01&date_to=2026-02-01", "cannot be longer"),
        ):
            response = self._get(f"/my/b2b/statement?{query}", self.finance.login)
            self.assertEqual(response.status_code, 200, query)
            self.assertIn('id="b2b_statement_errors"', response.text)
            self.assertIn(message, response.text)
            self.assertNotIn('id="b2b_statement_table"', response.text)
            pdf = self.url_open(f"/my/b2b/statement/pdf?{query}", allow_redirects=False)
            self.assertIn(pdf.status_code, (302, 303), query)
            self.assertIn("/my/b2b/statement?", pdf.headers["Location"])

    def test_statement_pdf(self):
        response = self._get(PDF, self.finance.login)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn(".pdf", response.headers["Content-Disposition"])
        # In test mode Odoo renders reports as HTML inside the PDF response.
        self.assertIn(self.feb.name, response.text)
        self.assertIn("Opening balance", response.text)

    def test_tour_statement_download(self):
        self.start_tour(
            "/my", "b2b_portal_credit_statement_download", login=self.finance.login
        )
        # What the tour's link points to, fetched as the same user.
        response = self._get(PDF, self.finance.login)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")

    def test_statement_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_credit", "b2b_portal_credit"], ["zh_CN"], overwrite=True
        )
        self.finance.lang = "zh_CN"
        html = self._get(STATEMENT, self.finance.login).text
        for label in ("对账单", "期初余额", "期末余额", "账龄", "31-60 天"):
            self.assertIn(label, html)
        html = self._get(
            "/my/b2b/statement?date_from=2026-03-01&date_to=2026-02-01",
            self.finance.login,
        ).text
        self.assertIn("开始日期必须早于结束日期", html)
