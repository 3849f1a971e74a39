# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PDF, PNG, B2bInvoiceRequestCommon


@tagged("post_install", "-at_install")
class TestInvoiceRequestEligibility(B2bInvoiceRequestCommon):
    def test_requestable_quantities(self):
        self.assertEqual(self.cap_line.qty_delivered, 4)
        self.assertEqual(self.cap_line.b2b_invoice_requestable_qty, 4)
        self.assertEqual(self.mug_line.b2b_invoice_requestable_qty, 6)
        lines = self.env["b2b.invoice.request"]._b2b_requestable_lines(
            self.dealer_a, self.company
        )
        self.assertEqual(lines, self.order.order_line)

    def test_undelivered_refused(self):
        draft = self._b2b_order(self.a_buyer.partner_id, [(self.cap, 5)], confirm=True)
        with self.assertRaisesRegex(UserError, "not delivered"):
            self._request(self.a_finance, {draft.order_line: 1})
        with self.assertRaisesRegex(UserError, "at most 4"):
            self._request(self.a_finance, {self.cap_line: 5})

    def test_partial_delivery_then_rest(self):
        request = self._request(
            self.a_finance, {self.cap_line: 3, self.mug_line: 6}, note="March"
        )
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.requested_by_id, self.a_finance)
        self.assertEqual(request.dealer_id, self.dealer_a)
        self.assertEqual(request.title, "Dealer A Trading Co.")
        self.assertEqual(request.kind, "ordinary")
        self.assertEqual(request.note, "March")
        self.assertEqual(
            request.amount_total,
            self.cap_line.price_total * 3 / 10 + self.mug_line.price_total,
        )
        self.assertEqual(self.cap_line.b2b_invoice_requested_qty, 3)
        self.assertEqual(self.cap_line.b2b_invoice_requestable_qty, 1)
        self.assertEqual(self.mug_line.b2b_invoice_requestable_qty, 0)
        # the rest of the delivered caps, then the next delivery
        self._request(self.a_finance, {self.cap_line: 1})
        self.assertEqual(self.cap_line.b2b_invoice_requestable_qty, 0)
        self._deliver(self.order, {self.cap: 6})
        self.assertEqual(self.cap_line.b2b_invoice_requestable_qty, 6)

    def test_double_request_refused(self):
        self._request(self.a_finance, {self.cap_line: 4})
        with self.assertRaisesRegex(UserError, "already requested"):
            self._request(self.a_admin, {self.cap_line: 1})
        self.assertEqual(self.cap_line.b2b_invoice_requested_qty, 4)

    def test_rejected_quantities_free_again(self):
        request = self._request(self.a_finance, {self.cap_line: 4})
        request.with_user(self.accountant)._b2b_reject("Wrong title")
        self.assertEqual(self.cap_line.b2b_invoice_requestable_qty, 4)
        self.assertTrue(self._request(self.a_finance, {self.cap_line: 4}))

    def test_form_values_checked(self):
        Request = self.env["b2b.invoice.request"].with_user(self.a_finance)
        for quantities, message in (
            ({}, "at least one"),
            ({str(self.cap_line.id): "0"}, "at least one"),
            ({str(self.cap_line.id): "-1"}, "positive"),
            ({str(self.cap_line.id): "nan"}, "positive"),
            ({str(self.cap_line.id): "two"}, "numbers"),
            ({"x": "1"}, "numbers"),
        ):
            with self.subTest(quantities=quantities):
                with self.assertRaisesRegex(UserError, message):
                    Request._b2b_portal_request(self.profile.id, quantities)
        with self.assertRaisesRegex(UserError, "your invoice profiles"):
            Request._b2b_portal_request("x", {str(self.cap_line.id): "1"})


@tagged("post_install", "-at_install")
class TestInvoiceRequestProcessing(B2bInvoiceRequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request = cls._request(cls.a_finance, {cls.cap_line: 3, cls.mug_line: 6})

    def test_invoice_from_the_requested_lines(self):
        request = self.request.with_user(self.accountant)
        request.action_b2b_process()
        self.assertEqual(request.state, "processing")
        self.assertEqual(request.processed_by_id, self.accountant)
        request.action_b2b_create_invoice()
        invoice = request.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.order.partner_invoice_id)
        # Odoo's own invoicing: the lines are linked to the sale lines
        self.assertEqual(
            {(line.sale_line_ids, line.quantity) for line in invoice.invoice_line_ids},
            {(self.cap_line, 3.0), (self.mug_line, 6.0)},
        )
        self.assertEqual(self.cap_line.qty_invoiced, 3)
        # the rest stays to invoice by Odoo's rule (ordered or delivered)
        self.assertEqual(
            self.cap_line.qty_to_invoice,
            (10 if self.cap.invoice_policy == "order" else 4) - 3,
        )
        self.assertIn(invoice, self.order.invoice_ids)
        self.assertAlmostEqual(invoice.amount_total, request.amount_total)
        with self.assertRaisesRegex(UserError, "Post the invoices"):
            request.action_b2b_issue()
        invoice.action_post()
        with self.assertRaisesRegex(UserError, "e-invoice PDF or enter its number"):
            request.action_b2b_issue()
        request.write(
            {
                "einvoice_number": "24312000000012345678",
                "einvoice_file": base64.b64encode(PDF),
                "einvoice_filename": "fapiao.pdf",
            }
        )
        request.action_b2b_issue()
        self.assertEqual(request.state, "issued")
        message = request.message_ids[0]
        self.assertIn("was issued", message.body)
        self.assertIn(self.a_finance.partner_id, message.partner_ids)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            request.einvoice_number = "other"

    def test_link_existing_invoice(self):
        invoice = self._create_invoice(self.dealer_a, 123.0)
        request = self.request.with_user(self.accountant)
        form = Form(request)
        form.invoice_ids.add(invoice)
        form.einvoice_number = "24312000000099999999"
        form.save()
        request.action_b2b_issue()
        self.assertEqual(request.state, "issued")
        self.assertEqual(request.invoice_ids, invoice)

    def test_already_invoiced_in_odoo(self):
        self.order._create_invoices()  # Odoo's own invoicing of the order
        with self.assertRaisesRegex(UserError, "link the existing invoice"):
            self.request.with_user(self.accountant).action_b2b_create_invoice()

    def test_einvoice_file_checked(self):
        request = self.request.with_user(self.accountant)
        for content, message in (
            (PNG, "not a PDF"),
            (b"MZ\x90\x00 not a pdf", "not a PDF"),
            (b"%PDF-" + b"0" * (10 * 1024 * 1024), "larger than 10 MB"),
        ):
            with self.subTest(message=message):
                with self.assertRaisesRegex(ValidationError, message):
                    request.write(
                        {
                            "einvoice_file": base64.b64encode(content),
                            "einvoice_filename": "x.pdf",
                        }
                    )
                    request.flush_recordset()

    def test_reject_with_reason(self):
        wizard = Form(
            self.env["b2b.invoice.request.reject"]
            .with_user(self.accountant)
            .with_context(default_request_ids=self.request.ids)
        )
        wizard.reason = "The tax ID does not match the business licence."
        wizard.save().action_reject()
        self.assertEqual(self.request.state, "rejected")
        self.assertEqual(
            self.request.reject_reason,
            "The tax ID does not match the business licence.",
        )
        self.assertIn("was rejected", self.request.message_ids[0].body)
        with self.assertRaises(ValidationError):
            self._request(self.a_finance, {self.cap_line: 1})._b2b_reject(" ")
        with self.assertRaisesRegex(UserError, "cannot do this"):
            self.request.with_user(self.accountant).action_b2b_issue()
