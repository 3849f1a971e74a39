# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPlainPortalMixin

from .common import B2bInvoiceRequestCommon


@tagged("post_install", "-at_install")
class TestPlainOdooInvoiceRequest(B2bPlainPortalMixin, B2bInvoiceRequestCommon):
    """A portal customer that is no dealer gets Odoo's pages and none of
    this module's; Odoo's own invoicing of orders is untouched."""

    def test_home(self):
        self._b2b_assert_plain_page("p_plain", "/my", "o_portal_my_home")

    def test_pages_not_found(self):
        self.authenticate("p_plain", "p_plain")
        for url in ("/my/b2b/invoice_requests", "/my/b2b/invoice_profiles"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)

    def test_company_off(self):
        self.company.b2b_invoice_request = False
        self.authenticate("pa_finance", "pa_finance")
        for url in ("/my/b2b/invoice_requests", "/my/b2b/invoice_profiles"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        self.assertNotIn("b2b_invoice_requests_link", self.url_open("/my").text)
        with self.assertRaises(AccessError):
            self._request(self.a_finance, {self.cap_line: 1})

    def test_odoo_invoicing_untouched(self):
        order = self._b2b_order(self.customer, [(self.mug, 6)], confirm=True)
        self._deliver(order, {self.mug: 6})
        invoice = order._create_invoices()
        self.assertEqual(invoice.invoice_line_ids.quantity, 6)
        # and for a dealer's order invoiced by Odoo, every invoiceable line
        expected = {
            (line.product_id, line.qty_to_invoice) for line in self.order.order_line
        }
        invoice = self.order._create_invoices()
        self.assertEqual(
            {(line.product_id, line.quantity) for line in invoice.invoice_line_ids},
            expected,
        )
        self.assertFalse(self.env["b2b.invoice.request"].search([]))
