# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPortalQueryCountMixin

from .common import TAX_ID_2, B2bInvoiceRequestCommon

_logger = logging.getLogger(__name__)

MAX_QUERIES = 40


@tagged("post_install", "-at_install")
class TestInvoiceRequestQueryCount(B2bPortalQueryCountMixin, B2bInvoiceRequestCommon):
    """The invoice request pages issue at most 40 queries, the same number
    for dealer A (1 request, 2 lines to request) and a dealer with 31
    requests, one of 30 lines, and 30 lines to request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.one = cls._request(cls.a_finance, {cls.cap_line: 1})
        cls.dealer_big = cls._create_dealer("Dealer Big", "IR-BIG", cls.tier_silver)
        cls.finance_big = cls._b2b_buyer(cls.dealer_big, "ir_finance_big", ("finance",))
        service = cls._b2b_product("B2B Service", price=10.0, type="service")
        # a tax and discounts: the form's figures (Odoo's tax computation per
        # line) cost no query per line
        tax = cls.env["account.tax"].create(
            {"name": "IR VAT 13%", "amount": 13.0, "type_tax_use": "sale"}
        )
        service.product_tmpl_id.taxes_id = tax
        # dealer A's lines alike (the same tax, one discounted): only the
        # number of lines differs
        cls.order.order_line.tax_id = tax
        cls.mug_line.discount = 20.0
        order = cls._b2b_order(cls.dealer_big, [(service, 1)] * 90, confirm=True)
        order.order_line.qty_delivered = 1
        order.order_line[::2].discount = 20.0
        profile = cls.env["b2b.invoice.profile"].create(
            {"dealer_id": cls.dealer_big.id, "name": "Big Co.", "tax_id": TAX_ID_2}
        )
        lines = order.order_line
        for line in lines[:30]:
            cls._request(cls.finance_big, {line: 1}, profile=profile)
        cls.big = cls._request(
            cls.finance_big, dict.fromkeys(lines[30:60], 1), profile=profile
        )
        cls.env["b2b.invoice.profile"].create(
            [
                {"dealer_id": cls.dealer_big.id, "name": f"Big {i}", "tax_id": TAX_ID_2}
                for i in range(29)
            ]
        )
        # every request of both dealers issued: the detail shows the invoice
        # and the download (one posted invoice per dealer, linked)
        for dealer, requests in (
            (cls.dealer_a, cls.one),
            (cls.dealer_big, cls.big),
        ):
            invoice = cls._create_invoice(dealer, 10.0)
            requests.write(
                {
                    "invoice_ids": [Command.link(invoice.id)],
                    "einvoice_number": "243100000001",
                }
            )
            requests.action_b2b_issue()

    def _pair(self, url_few, url_many):
        few, html_few = self._b2b_count_warm(url_few, self.a_finance.login)
        many, html_many = self._b2b_count_warm(url_many, self.finance_big.login)
        _logger.info("%s: %s queries (few), %s (many)", url_few, few, many)
        self.assertLessEqual(few, MAX_QUERIES)
        self.assertEqual(few, many)
        return html_few, html_many

    def test_list(self):
        few, many = self._pair("/my/b2b/invoice_requests", "/my/b2b/invoice_requests")
        self.assertEqual(few.count('name="b2b_invoice_request_row"'), 1)
        self.assertEqual(many.count('name="b2b_invoice_request_row"'), 31)

    def test_form(self):
        few, many = self._pair(
            "/my/b2b/invoice_requests/new", "/my/b2b/invoice_requests/new"
        )
        self.assertEqual(few.count('name="b2b_invoice_line"'), 2)
        self.assertEqual(many.count('name="b2b_invoice_line"'), 30)
        # every line shows its figures: 10.00 less 20 % (every other line),
        # plus 13 %
        self.assertEqual(many.count('name="b2b_line_total"'), 30)
        self.assertEqual(many.count('data-total="9.04"'), 15)
        self.assertEqual(many.count('data-total="11.3"'), 15)

    def test_request_page(self):
        few, many = self._pair(
            f"/my/b2b/invoice_requests/{self.one.id}",
            f"/my/b2b/invoice_requests/{self.big.id}",
        )
        self.assertEqual(few.count('name="b2b_invoice_request_line"'), 1)
        self.assertEqual(many.count('name="b2b_invoice_request_line"'), 30)

    def test_home(self):
        few, many = self._pair("/my", "/my")
        self.assertIn('id="b2b_invoice_requests_link"', few)
        self.assertIn('id="b2b_invoice_requests_link"', many)

    def test_profiles(self):
        few, many = self._pair("/my/b2b/invoice_profiles", "/my/b2b/invoice_profiles")
        self.assertEqual(few.count('name="b2b_invoice_profile"'), 1)
        self.assertEqual(many.count('name="b2b_invoice_profile"'), 30)
