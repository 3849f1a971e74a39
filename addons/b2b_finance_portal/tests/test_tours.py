# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bFinancePortalCommon
from .test_order_payment import B2bOrderPaymentCommon


class FinanceTourMixin:
    """The tours of the finance pages (run at desktop and phone width)."""

    def test_tour_declare_payment(self):
        self.start_tour("/my", "b2b_finance_portal_declare_payment", login="pc_finance")
        slip = self.env["b2b.payment.slip"].search(
            [("bank_reference", "=", "TOUR-REF-1")]
        )
        self.assertEqual(slip.amount, 300.0)
        self.assertEqual(slip.invoice_ids, self.feb)
        self.assertEqual(slip.sudo().attachment_id.mimetype, "image/png")
        self.assertEqual(slip.state, "declared")

    def test_tour_confirm_statement(self):
        snapshot = self._snapshot()
        self.start_tour(
            "/my", "b2b_finance_portal_confirm_statement", login="pc_finance"
        )
        self.assertEqual(snapshot.state, "confirmed")
        self.assertEqual(snapshot.confirmed_by_id, self.finance)

    def test_tour_dispute_statement(self):
        snapshot = self._snapshot()
        self.start_tour(
            "/my/b2b/statements",
            "b2b_finance_portal_dispute_statement",
            login="pc_admin",
        )
        self.assertEqual(snapshot.state, "disputed")
        self.assertEqual(snapshot.line_ids.filtered("disputed").kind, "credit_note")
        self.assertEqual(snapshot.activity_ids.user_id, self.accountant)


@tagged("post_install", "-at_install")
class TestFinanceTours(FinanceTourMixin, B2bFinancePortalCommon):
    # Odoo's loader runs only the methods of the class itself unless told
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestFinanceToursPhone(FinanceTourMixin, B2bFinancePortalCommon):
    allow_inherited_tests_method = True
    browser_size = "375x667"
    touch_enabled = True


class PayShortfallTourMixin:
    def test_tour_pay_shortfall(self):
        """A finance buyer sees the refusal with the shortfall, declares a
        bank transfer for it; finance confirms it and the order goes on."""
        self.start_tour(
            self.order_a.get_portal_url(),
            "b2b_finance_portal_pay_shortfall",
            login="op_finance",
        )
        slip = self.order_a.b2b_payment_slip_ids
        self.assertEqual(slip.amount, 500.0)
        self.assertEqual(slip.declared_by_id, self.finance_p)
        self._confirm(slip)
        self.assertEqual(self.order_a.state, "sale")
        self.assertEqual(self.order_b.state, "draft")


@tagged("post_install", "-at_install")
class TestPayShortfallTour(PayShortfallTourMixin, B2bOrderPaymentCommon):
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestPayShortfallTourPhone(PayShortfallTourMixin, B2bOrderPaymentCommon):
    allow_inherited_tests_method = True
    browser_size = "375x667"
    touch_enabled = True
