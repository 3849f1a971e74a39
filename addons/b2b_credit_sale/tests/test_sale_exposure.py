# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import B2bCreditSaleCommon


@tagged("post_install", "-at_install")
class TestB2bCreditSaleExposure(B2bCreditSaleCommon):
    def _invoice_order(self, order, post=False):
        invoice = order._create_invoices(final=True)
        if post:
            invoice.action_post()
        return invoice

    def _down_payment(self, order, **values):
        wizard = Form(
            self.env["sale.advance.payment.inv"].with_context(
                active_model="sale.order", active_ids=order.ids
            )
        )
        for name, value in values.items():
            setattr(wizard, name, value)
        wizard.save().create_invoices()

    def test_confirmed_order_counts_once(self):
        order = self._order(3, confirm=True)
        self._order(2)  # a quotation does not count
        exposure = self._exposure()
        self.assertEqual(exposure["sale_order"], 300.0)
        self.assertEqual(exposure["total"], 300.0)
        invoice = self._invoice_order(order)
        exposure = self._exposure()
        self.assertEqual(exposure["sale_order"], 0.0)
        self.assertEqual(exposure["draft_invoice"], 300.0)
        invoice.action_post()
        exposure = self._exposure()
        self.assertEqual(exposure["receivable"], 300.0)
        self.assertEqual(exposure["total"], 300.0)

    def test_partial_invoice(self):
        order = self._order(3, confirm=True)
        order.order_line.qty_delivered = 1
        self.product.invoice_policy = "delivery"
        self._invoice_order(order, post=True)
        exposure = self._exposure()
        self.assertEqual(exposure["receivable"], 100.0)
        self.assertEqual(exposure["sale_order"], 200.0)
        self.assertEqual(exposure["total"], 300.0)

    def test_down_payment_not_counted_twice(self):
        order = self._order(4, confirm=True)
        self._down_payment(order, advance_payment_method="percentage", amount=50)
        exposure = self._exposure()
        self.assertEqual(exposure["draft_invoice"], 200.0)
        self.assertEqual(exposure["sale_order"], 200.0)
        self.assertEqual(exposure["total"], 400.0)
        order.invoice_ids.action_post()
        exposure = self._exposure()
        self.assertEqual(exposure["receivable"], 200.0, exposure)
        self.assertEqual(exposure["sale_order"], 200.0, exposure)
        # Final invoice deducts the down payment.
        self._invoice_order(order, post=True)
        exposure = self._exposure()
        self.assertEqual(exposure["sale_order"], 0.0)
        self.assertEqual(exposure["receivable"], 400.0)

    def _assert_exposure(self, exclude=None, **expected):
        exposure = self._exposure(exclude=exclude)
        self.assertEqual({key: exposure[key] for key in expected}, expected)

    def _draft_credit_note(self, invoice):
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "return"})
        )
        reversal.refund_moves()
        refund = invoice.reversal_move_ids
        self.assertEqual((refund.move_type, refund.state), ("out_refund", "draft"))
        return refund

    def test_refunded_invoice_reopens_order(self):
        order = self._order(3, confirm=True)
        invoice = self._invoice_order(order, post=True)
        self.assertEqual(self._exposure()["sale_order"], 0.0)
        self._draft_credit_note(invoice).action_post()
        # invoice and credit note cancel out: the order is to invoice again
        self._assert_exposure(receivable=0.0, sale_order=300.0, total=300.0)

    def test_draft_credit_note_not_counted(self):
        """Drafts not counted: a draft credit note cancelling the invoiced
        quantity does not make the posted invoice count a second time."""
        self.company.b2b_credit_include_draft_invoice = False
        order = self._order(3, confirm=True)
        invoice = self._invoice_order(order, post=True)
        self._draft_credit_note(invoice)
        self._assert_exposure(receivable=300.0, sale_order=0.0, total=300.0)

    def test_invoice_being_posted_not_counted_twice(self):
        """Drafts not counted: the exposure that checks the posting of an
        invoice (left out, its amount added by the caller) no longer counts
        what it invoices as open orders."""
        self.company.b2b_credit_include_draft_invoice = False
        order = self._order(3, confirm=True)
        invoice = self._invoice_order(order)
        # the order stays open while its invoice is a draft
        self._assert_exposure(sale_order=300.0)
        self._assert_exposure(
            exclude={"account.move": invoice.ids}, sale_order=0.0, total=0.0
        )
        # and the posting itself passes a limit that fits it exactly
        self.dealer.credit_limit = 300.0
        self._set_policy("invoice", "block")
        invoice.action_post()
        self.assertEqual(self._exposure()["total"], 300.0)

    def test_down_payment_draft_invoices_not_counted(self):
        self.company.b2b_credit_include_draft_invoice = False
        order = self._order(4, confirm=True)
        self._down_payment(order, advance_payment_method="fixed", fixed_amount=100)
        order.invoice_ids.action_post()
        self._assert_exposure(receivable=100.0, sale_order=300.0)
        # the final invoice in draft deducts the down payment: still not
        # invoiced while draft invoices are not counted
        self._invoice_order(order)
        self._assert_exposure(receivable=100.0, sale_order=300.0, total=400.0)

    def test_exposure_indexes(self):
        self.env.cr.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN %s",
            [
                (
                    "b2b_credit_aml_open_idx",
                    "b2b_credit_am_draft_idx",
                    "b2b_credit_so_open_idx",
                    "b2b_credit_sol_invoiced_idx",
                )
            ],
        )
        self.assertEqual(len(self.env.cr.fetchall()), 4)

    def test_contact_orders_and_exclusion(self):
        order = self._order(2, partner=self.contact, confirm=True)
        self._order(1, confirm=True)
        self.assertEqual(self._exposure()["sale_order"], 300.0)
        exposure = self._exposure(exclude={"sale.order": order.ids})
        self.assertEqual(exposure["sale_order"], 100.0)
        self.company.b2b_credit_include_sale_order = False
        self.assertNotIn("sale_order", self._exposure())

    def test_foreign_currency_order(self):
        eur = self.setup_other_currency("EUR")
        pricelist = self.env["product.pricelist"].create(
            {"name": "EUR", "currency_id": eur.id}
        )
        self._order(4, confirm=True, pricelist_id=pricelist.id)
        # 400 EUR at 2.0 = 200
        self.assertEqual(self._exposure()["sale_order"], 200.0)

    def test_order_shows_exposure(self):
        self._order(3, confirm=True)
        quotation = self._order(1)
        self.assertTrue(quotation.b2b_credit_is_dealer)
        self.assertEqual(quotation.b2b_credit_exposure, 300.0)
        self.assertEqual(quotation.b2b_credit_available, 700.0)
        info = self.dealer._b2b_credit_info()
        self.assertEqual(info["components"]["sale_order"]["amount"], 300.0)
