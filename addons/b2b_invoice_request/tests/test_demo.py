# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bInvoiceRequestCommon


@tagged("post_install", "-at_install")
class TestInvoiceRequestDemo(B2bInvoiceRequestCommon):
    """The demo requests on the suite's story (its records named by the
    story's xml ids here): one issued, one waiting; once only."""

    def test_demo_requests(self):
        Request = self.env["b2b.invoice.request"]
        self.assertFalse(Request._b2b_demo_invoice_requests(), "no story: skipped")
        self.env["ir.model.data"]._update_xmlids(
            [
                {"xml_id": xml_id, "record": record, "noupdate": True}
                for xml_id, record in (
                    ("b2b_base.res_users_dealer_a_finance", self.a_finance),
                    ("b2b_base.res_users_dealer_b_finance", self.b_finance),
                    ("b2b_suite.sale_order_demo_a_delivered", self.order),
                    ("b2b_suite.sale_order_demo_b_delivered", self.order_b),
                    (
                        "b2b_invoice_request.b2b_invoice_profile_demo_dealer_a",
                        self.profile,
                    ),
                    (
                        "b2b_invoice_request.b2b_invoice_profile_demo_dealer_b",
                        self.profile_b,
                    ),
                )
            ]
        )
        self.assertTrue(Request._b2b_demo_invoice_requests())
        issued = Request.search([("dealer_id", "=", self.dealer_a.id)])
        self.assertEqual(issued.state, "issued")
        self.assertEqual(issued.invoice_ids.state, "posted")
        self.assertEqual(issued.line_ids.sale_line_id, self.order.order_line)
        waiting = Request.search([("dealer_id", "=", self.dealer_b.id)])
        self.assertEqual(waiting.state, "requested")
        self.assertFalse(Request._b2b_demo_invoice_requests(), "once")
