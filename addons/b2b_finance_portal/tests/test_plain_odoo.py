# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPlainPortalMixin

from .common import B2bFinancePortalCommon
from .test_order_payment import B2bOrderPaymentCommon


@tagged("post_install", "-at_install")
class TestPlainOdooFinance(B2bPlainPortalMixin, B2bFinancePortalCommon):
    """A portal customer that is no dealer and an internal user without B2B
    groups get Odoo's pages; a company that did not switch statement
    confirmation on gets no snapshot; the exposure is unchanged without the
    option; Odoo's own payment registration runs none of this module."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain = cls._b2b_buyer(cls.customer, "fp_plain", ())
        cls.internal = cls._b2b_internal_user("fp_plain_internal")

    def test_home(self):
        self._b2b_assert_plain_page("fp_plain", "/my", "o_portal_my_home")
        self._b2b_assert_plain_page("fp_plain_internal", "/my", "o_portal_my_home")

    def test_pages_not_found(self):
        for login in ("fp_plain", "fp_plain_internal"):
            self.authenticate(login, login)
            for url in ("/my/b2b/payments", "/my/b2b/statements"):
                with self.subTest(login=login, url=url):
                    self.assertEqual(self.url_open(url).status_code, 404)

    def test_company_off(self):
        self.company.b2b_statement_confirmation = False
        self.assertFalse(
            self.env["b2b.statement.snapshot"].sudo()._cron_b2b_statement_snapshot()
        )
        self.assertFalse(
            self.env["b2b.statement.snapshot"].sudo()._cron_b2b_statement_reminder()
        )

    def test_odoo_payment(self):
        payment = self._pay(self.march, 99.0, "2026-03-05")
        self.assertEqual(self.march.payment_state, "partial")
        self.assertFalse(self.env["b2b.payment.slip"].search([]))
        self.assertTrue(payment)


@tagged("post_install", "-at_install")
class TestPlainOdooOrderPayment(B2bOrderPaymentCommon):
    """A customer that is no dealer: no shortfall, and sale's own online
    payment confirms the quotation as in Odoo (paid in full, or its
    prepayment)."""

    def _quotation(self, **vals):
        return self._b2b_order(self.customer, [(self.widget, 20)], **vals)

    def test_no_shortfall(self):
        order = self._quotation()
        self.assertFalse(order._b2b_credit_shortfalls())
        self.assertEqual(order.b2b_credit_shortfall, 0.0)

    def test_paid_in_full(self):
        order = self._quotation(require_payment=True, prepayment_percent=1.0)
        tx = self._online(
            order,
            order.amount_total,
            user=self.env.user,
            flag=False,
            partner=self.customer,
        )
        self.assertFalse(tx.b2b_credit_release)
        self.assertEqual(order.state, "sale")
        self.assertTrue(tx.payment_id)

    def test_prepayment(self):
        order = self._quotation(require_payment=True, prepayment_percent=0.5)
        self._online(
            order,
            order.amount_total / 2,
            user=self.env.user,
            flag=False,
            partner=self.customer,
        )
        self.assertEqual(order.state, "sale")
