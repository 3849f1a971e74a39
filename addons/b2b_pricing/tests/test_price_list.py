# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import B2bPricingCommon


@tagged("post_install", "-at_install")
class TestPriceList(B2bPricingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.break_rule = cls._rule(
            cls.pl_silver, cls.shirt_tmpl, 60.0, min_qty=50, scope="template"
        )
        cls.portal_user = cls._create_portal_user(cls.dealer, "b2b_pl_portal")
        cls.rep = new_test_user(
            cls.env, login="b2b_pl_rep", groups="b2b_base.b2b_base_group_user"
        )
        cls.employee = new_test_user(
            cls.env, login="b2b_pl_emp", groups="base.group_user"
        )

    def test_rows(self):
        data = self.dealer._b2b_get_price_list()
        self.assertEqual(data["pricelist"], self.pl_silver)
        rows = [(r["target"], r["min_qty"], r["price"]) for r in data["rows"]]
        self.assertEqual(rows, [("B2B Shirt", 0.0, 90.0), ("B2B Shirt", 50.0, 60.0)])
        self.assertEqual(data["rows"][1]["scope"], "All variants of the product")

    def test_xlsx(self):
        content = self.dealer._b2b_price_list_xlsx()
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn("B2B Shirt", strings)
        self.assertIn("Dealer Silver", strings)

    def test_report_access(self):
        report = self.env["ir.actions.report"]
        html, __ = report._render_qweb_html(
            "b2b_pricing.b2b_price_list_report", self.dealer.ids
        )
        self.assertIn(b"B2B Shirt", html)
        with self.assertRaises(AccessError):
            report.with_user(self.employee)._render_qweb_html(
                "b2b_pricing.b2b_price_list_report", self.dealer.ids
            )

    def test_portal_download(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open("/my/b2b/price_list/xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertEqual(self.url_open("/my/b2b/price_list/csv").status_code, 404)
        # the staff route is not for portal users
        response = self.url_open(f"/b2b/price_list/{self.dealer_gold.id}/xlsx")
        self.assertEqual(response.status_code, 404)

    def test_staff_download(self):
        self.authenticate(self.rep.login, self.rep.login)
        response = self.url_open(f"/b2b/price_list/{self.dealer_gold.id}/xlsx")
        self.assertEqual(response.status_code, 200)
        response = self.url_open(f"/b2b/price_list/{self.customer.id}/xlsx")
        self.assertEqual(response.status_code, 404)
        self.authenticate(self.employee.login, self.employee.login)
        response = self.url_open(f"/b2b/price_list/{self.dealer.id}/xlsx")
        self.assertEqual(response.status_code, 404)
