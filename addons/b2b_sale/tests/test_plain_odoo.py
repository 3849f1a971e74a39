# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import B2bSaleCommon


@tagged("post_install", "-at_install")
class TestPlainOdooSale(B2bSaleCommon):
    """``sale.order._confirmation_error_message`` and
    ``sale.order.line._compute_analytic_distribution`` give Odoo's results
    for a salesman without B2B rights and a customer that is not a dealer."""

    def test_plain_customer_confirmation(self):
        """The customer is not a dealer: Odoo's confirmation, no B2B
        message, whatever the dealers' states."""
        order = self._order(self.customer)
        self.assertFalse(order._confirmation_error_message())
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_analytic_distribution_is_odoo_s(self):
        """With an analytic distribution model, each line of a multi-line
        order gets Odoo's distribution; without one, none (as in Odoo)."""
        order = self._order(self.customer)
        order.write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 1}
                    )
                    for _i in range(2)
                ]
            }
        )
        self.assertEqual(len(order.order_line), 3)
        self.assertFalse(any(order.order_line.mapped("analytic_distribution")))
        plan = self.env["account.analytic.plan"].create({"name": "B2B Plain Plan"})
        account = self.env["account.analytic.account"].create(
            {"name": "B2B Plain Account", "plan_id": plan.id}
        )
        self.env["account.analytic.distribution.model"].create(
            {
                "partner_id": self.customer.id,
                "analytic_distribution": {str(account.id): 100},
            }
        )
        order = self._order(self.customer)
        order.write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 1}
                    )
                    for _i in range(2)
                ]
            }
        )
        self.assertEqual(
            order.order_line.mapped("analytic_distribution"),
            [{str(account.id): 100}] * 3,
        )
