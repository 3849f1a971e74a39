# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPortalCommon


@tagged("post_install", "-at_install")
class TestAgreementPlainOdoo(B2bPortalCommon):
    """Companies that did not switch the option on, and customers that are
    not dealers, see plain Odoo."""

    def test_option_off_by_default(self):
        company = self.env["res.company"].create({"name": "Plain Co"})
        self.assertFalse(company.b2b_agreement_required)

    def test_dealer_orders_without_agreement_when_off(self):
        order = self._b2b_order(self.a_buyer.partner_id, [(self.cap, 5)])
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_non_dealer_orders_with_option_on(self):
        self.company.b2b_agreement_required = True
        order = self._b2b_order(self.customer, [(self.mug, 6)])
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.customer.b2b_agreement_count, 0)

    def test_daily_job_without_agreements(self):
        self.assertFalse(self.env["b2b.agreement"]._cron_b2b_agreement_daily())
