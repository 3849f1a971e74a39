# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bInvoiceRequestCommon


class InvoiceRequestTourMixin:
    """The tour requesting an invoice (run at desktop and phone width)."""

    def test_tour_request_invoice(self):
        self.start_tour("/my", "b2b_invoice_request_request", login="pa_finance")
        request = self.env["b2b.invoice.request"].search(
            [("dealer_id", "=", self.dealer_a.id)]
        )
        self.assertEqual(request.line_ids.sale_line_id, self.cap_line)
        self.assertEqual(request.line_ids.quantity, 3)
        self.assertEqual(request.profile_id, self.profile)
        self.assertEqual(request.note, "Invoice with the March delivery")
        self.assertEqual(request.requested_by_id, self.a_finance)


@tagged("post_install", "-at_install")
class TestInvoiceRequestTour(InvoiceRequestTourMixin, B2bInvoiceRequestCommon):
    # Odoo's loader runs only the methods of the class itself unless told
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestInvoiceRequestTourPhone(InvoiceRequestTourMixin, B2bInvoiceRequestCommon):
    allow_inherited_tests_method = True
    browser_size = "375x667"
    touch_enabled = True
