# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import B2bCreditCommon


@tagged("post_install", "-at_install")
class TestB2bCreditStatement(B2bCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jan = cls._invoice(500.0, date="2026-01-05", due="2026-01-05")
        cls.feb = cls._invoice(300.0, date="2026-02-10", due="2026-03-15")
        cls.refund = cls._invoice(
            100.0, move_type="out_refund", date="2026-02-15", due="2026-02-15"
        )
        cls._register_payment(cls.jan, 200.0, date="2026-02-20")
        cls._invoice(999.0, date="2026-03-02")  # after the period

    def test_statement_data(self):
        st = self.contact._b2b_credit_statement("2026-02-01", "2026-02-28")
        self.assertEqual(st["dealer_id"], self.dealer.id)
        self.assertEqual(st["opening_balance"], 500.0)
        self.assertEqual(
            [(line["kind"], line["debit"], line["credit"]) for line in st["lines"]],
            [
                ("invoice", 300.0, 0.0),
                ("credit_note", 0.0, 100.0),
                ("payment", 0.0, 200.0),
            ],
        )
        self.assertEqual(
            [line["balance"] for line in st["lines"]], [800.0, 700.0, 500.0]
        )
        self.assertEqual(st["closing_balance"], 500.0)
        self.assertEqual(st["total_debit"], 300.0)
        self.assertEqual(st["total_credit"], 300.0)
        ageing = {bucket["key"]: bucket["amount"] for bucket in st["ageing"]}
        self.assertEqual(
            ageing,
            {
                "current": 300.0,
                "1_30": -100.0,
                "31_60": 300.0,
                "61_90": 0.0,
                "over_90": 0.0,
            },
        )

    def test_statement_lines_with_cold_cache(self):
        """Reading the company's currency (not cached in a fresh request) must
        not swallow the statement lines fetched from the same cursor."""
        self.env.invalidate_all()
        st = self.contact._b2b_credit_statement("2026-02-01", "2026-02-28")
        self.assertEqual(len(st["lines"]), 3)
        self.assertEqual(st["closing_balance"], 500.0)

    def test_statement_report_access(self):
        """Accounting users and the dealer's own finance buyer may print the
        statement; a buyer without the finance / admin role, another dealer's
        finance buyer and a missing partner get the same refusal."""
        report = "b2b_credit.action_report_res_partner_statement"
        Report = self.env["ir.actions.report"]
        html, __ = Report.with_user(self.invoicer)._render_qweb_html(
            report, self.dealer.ids
        )
        self.assertIn(self.dealer.name, html.decode())

        def portal_user(login, dealer, roles=""):
            contact = self.env["res.partner"].create(
                {"name": login, "parent_id": dealer.id}
            )
            groups = ",".join(filter(None, ["base.group_portal", roles]))
            return new_test_user(
                self.env, login=login, groups=groups, partner_id=contact.id
            )

        finance = portal_user(
            "st_finance", self.dealer, "b2b_base.b2b_base_group_buyer_finance"
        )
        html, __ = Report.with_user(finance)._render_qweb_html(report, self.dealer.ids)
        self.assertIn(self.dealer.name, html.decode())
        other = self._create_dealer("Dealer Two")
        refused = [
            (portal_user("st_buyer", self.dealer), self.dealer.ids),
            (
                portal_user("st_other", other, "b2b_base.b2b_base_group_buyer_finance"),
                self.dealer.ids,
            ),
            (finance, [self.dealer.id + 100000]),
            (new_test_user(self.env, login="st_employee"), self.dealer.ids),
        ]
        for user, ids in refused:
            with self.subTest(user=user.login, ids=ids):
                with self.assertRaises(AccessError) as caught:
                    Report.with_user(user)._render_qweb_html(report, ids)
                self.assertNotIn(self.dealer.name, str(caught.exception))

    def test_statement_report_and_mail(self):
        wizard = (
            self.env["res.partner.credit.statement"]
            .with_user(self.invoicer)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "date_from": "2026-02-01",
                    "date_to": "2026-02-28",
                }
            )
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "b2b_credit.action_report_res_partner_statement",
                self.dealer.ids,
                data=wizard._report_data(),
            )[0]
            .decode()
        )
        self.assertIn(self.feb.name, html)
        self.assertIn("Opening balance", html)
        self.assertIn("31-60 days", html)
        action = wizard.action_print()
        self.assertEqual(action["data"]["date_to"], "2026-02-28")
        # the web client asks for a report printed with data without ids in
        # the URL (/report/pdf/<report>?options=<data>): the dealer comes
        # from the data, under the same access check (a blank page before)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.invoicer)
            ._render_qweb_html(
                "b2b_credit.action_report_res_partner_statement",
                None,
                data=action["data"],
            )[0]
            .decode()
        )
        self.assertIn(self.feb.name, html)
        self.assertIn(self.dealer.name, html)
        action = wizard.action_send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        attachment = self.env["ir.attachment"].browse(
            action["context"]["default_attachment_ids"][0][1]
        )
        self.assertEqual(attachment.res_model, "mail.compose.message")
        self.assertEqual(action["context"]["default_res_ids"], self.dealer.ids)
        self.assertTrue(attachment.name.startswith("Statement"))

    def test_statement_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_credit"], ["zh_CN"], overwrite=True
        )
        self.dealer.lang = "zh_CN"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "b2b_credit.action_report_res_partner_statement",
                self.dealer.ids,
                data={"date_from": "2026-02-01", "date_to": "2026-02-28"},
            )[0]
            .decode()
        )
        for label in ("对账单", "期初余额", "期末余额", "账龄", "31-60 天"):
            self.assertIn(label, html)
        self.assertIn("Noto Sans CJK SC", html)
