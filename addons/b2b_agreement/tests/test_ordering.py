# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bAgreementCommon


@tagged("post_install", "-at_install")
class TestAgreementOrdering(B2bAgreementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.b2b_agreement_required = True

    def _quote(self, partner=None):
        return self._b2b_order(partner or self.a_buyer.partner_id, [(self.cap, 5)])

    def test_backend_confirmation_refused_without_agreement(self):
        order = self._quote().with_user(self.salesman)
        with self.assertRaisesRegex(
            UserError, "no signed dealer agreement valid today"
        ):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_portal_submission_refused_without_agreement(self):
        order = self._quote().with_user(self.a_buyer).sudo()
        status, error = order._b2b_buyer_submit()
        self.assertEqual(status, "refused")
        self.assertIn("no signed dealer agreement", error)
        self.assertEqual(order.state, "draft")

    def test_pending_agreement_is_not_enough(self):
        self._agreement()
        with self.assertRaisesRegex(UserError, "no signed dealer agreement"):
            self._quote().action_confirm()

    def test_signed_agreement_allows_ordering(self):
        self._sign(self._agreement())
        order = self._quote()
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        portal = self._quote().with_user(self.a_buyer).sudo()
        status, error = portal._b2b_buyer_submit()
        self.assertFalse(error)
        self.assertEqual(portal.state, "sale")

    def test_expired_agreement_blocks(self):
        agreement = self._sign(
            self._agreement(
                start=self.today - timedelta(days=60), end=self.today + timedelta(1)
            )
        )
        self.env.cr.execute(
            "UPDATE b2b_agreement SET date_end = %s WHERE id = %s",
            (self.today - timedelta(days=1), agreement.id),
        )
        agreement.invalidate_recordset()
        self.env["b2b.agreement"]._b2b_expire()
        self.assertEqual(agreement.state, "expired")
        with self.assertRaisesRegex(UserError, f"{agreement.name} ended on"):
            self._quote().action_confirm()

    def test_future_agreement_blocks(self):
        self._sign(
            self._agreement(
                start=self.today + timedelta(days=1), end=self.today + timedelta(200)
            )
        )
        with self.assertRaisesRegex(UserError, "no signed dealer agreement"):
            self._quote().action_confirm()

    def test_other_company_agreement_does_not_count(self):
        other = self.env["res.company"].create({"name": "Agreement Other Co"})
        self._sign(self._agreement())
        self.assertFalse(
            self.env["b2b.agreement"]._b2b_valid_agreements(self.dealer_a, other)
        )

    def test_option_off_plain_behaviour(self):
        self.company.b2b_agreement_required = False
        order = self._quote()
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_non_dealer_customer_orders(self):
        order = self._quote(self.customer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
