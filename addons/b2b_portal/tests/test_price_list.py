# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile

from odoo.tests import tagged

from .common import B2bPortalHttpCommon


@tagged("post_install", "-at_install")
class TestPortalPriceList(B2bPortalHttpCommon):
    """The dealer's price list download (moved from the pricing engine into
    the portal glue) and the catalogue: both show the engine's prices of the
    products dealers may order."""

    def test_portal_download(self):
        self.authenticate(self.a_buyer.login, self.a_buyer.login)
        response = self.url_open("/my/b2b/price_list/xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn("B2B-CAP", strings)
        self.assertNotIn("B2B-OLD", strings)
        self.assertEqual(self.url_open("/my/b2b/price_list/csv").status_code, 404)
        # the staff route is not for portal users
        response = self.url_open(f"/b2b/price_list/{self.dealer_b.id}/xlsx")
        self.assertEqual(response.status_code, 404)
        # the home offers the download to dealer buyers
        self.assertIn("/my/b2b/price_list/pdf", self.url_open("/my").text)

    def test_not_for_other_portal_users(self):
        self.authenticate(self.plain.login, self.plain.login)
        self.assertEqual(self.url_open("/my/b2b/price_list/xlsx").status_code, 404)
        self.assertNotIn("/my/b2b/price_list/pdf", self.url_open("/my").text)

    def test_catalogue_only_orderable_products(self):
        """Archived, unsaleable, service and combo products are not offered;
        the company chooses which products dealers may order."""
        fitting = self._create_product(
            "B2B Fitting Service", 30.0, self.categ_other, "B2B-FIT", type="service"
        )
        self.authenticate(self.a_buyer.login, self.a_buyer.login)
        html = self.url_open("/my/b2b/catalogue?search=B2B").text
        self.assertIn("B2B-CAP", html)
        for sku in ("B2B-OLD", "B2B-NOSALE", fitting.default_code):
            self.assertNotIn(sku, html)
        # a company offering its services too
        self.env.company.b2b_product_domain = "[]"
        html = self.url_open("/my/b2b/catalogue?search=B2B").text
        self.assertIn(fitting.default_code, html)
        # and one offering its caps only
        self.env.company.b2b_product_domain = repr(
            [("categ_id", "=", self.cap.categ_id.id)]
        )
        html = self.url_open("/my/b2b/catalogue?search=B2B").text
        self.assertIn("B2B-CAP", html)
        self.assertNotIn("B2B-MUG", html)
        result = (
            self.env["b2b.quick.order"]
            .with_user(self.a_buyer)
            ._b2b_validate([{"line": 1, "sku": "B2B-MUG", "qty": "6"}])
        )
        self.assertIn("not offered to dealers", result["entries"][0]["error"])
