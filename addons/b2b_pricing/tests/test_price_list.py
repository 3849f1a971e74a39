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
        cls.rep = new_test_user(
            cls.env, login="b2b_pl_rep", groups="b2b_base.b2b_base_group_user"
        )
        cls.employee = new_test_user(
            cls.env, login="b2b_pl_emp", groups="base.group_user"
        )

    def test_rows(self):
        """A price per SKU: the template's rules expanded to each variant,
        with the list price, the net price and every lower price by quantity."""
        data = self.dealer._b2b_get_price_list()
        self.assertEqual(data["pricelist"], self.pl_silver)
        rows = {row["sku"]: row for row in data["rows"]}
        for sku in ("B2B-SHIRT-RED", "B2B-SHIRT-BLUE"):
            row = rows[sku]
            self.assertEqual(
                (row["list_price"], row["price"], row["uom"]), (100.0, 90.0, "Units")
            )
            self.assertEqual(
                [(b["quantity"], b["price"], b["scope"]) for b in row["breaks"]],
                [(50.0, 60.0, "template")],
            )
            self.assertEqual(
                row["breaks"][0]["scope_label"], "All variants of the product"
            )
        # no rule: the sales price
        self.assertEqual(
            (rows["B2B-CAP"]["price"], rows["B2B-CAP"]["breaks"]), (50.0, [])
        )
        self.assertEqual(data["max_breaks"], 1)

    def test_rows_only_orderable_products(self):
        """Services, archived and unsaleable products are not listed."""
        service = self._create_product(
            "B2B Fitting", 30.0, self.categ_other, "B2B-FIT", type="service"
        )
        self.mug.sale_ok = False
        skus = {row["sku"] for row in self.dealer._b2b_get_price_list()["rows"]}
        self.assertIn("B2B-CAP", skus)
        self.assertNotIn(service.default_code, skus)
        self.assertNotIn("B2B-MUG", skus)

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

    def test_staff_download(self):
        self.authenticate(self.rep.login, self.rep.login)
        response = self.url_open(f"/b2b/price_list/{self.dealer_gold.id}/xlsx")
        self.assertEqual(response.status_code, 200)
        response = self.url_open(f"/b2b/price_list/{self.customer.id}/xlsx")
        self.assertEqual(response.status_code, 404)
        self.authenticate(self.employee.login, self.employee.login)
        response = self.url_open(f"/b2b/price_list/{self.dealer.id}/xlsx")
        self.assertEqual(response.status_code, 404)
