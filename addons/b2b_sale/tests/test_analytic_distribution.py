# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAnalyticDistribution(TransactionCase):
    """The shortcut for databases without distribution models gives the same
    lines as Odoo, and distribution models still apply when they exist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Model = cls.env["account.analytic.distribution.model"]
        cls.Model.search([]).unlink()
        cls.partner = cls.env["res.partner"].create({"name": "Analytic Customer"})
        cls.product = cls.env["product.product"].create({"name": "Analytic Product"})
        plan = cls.env["account.analytic.plan"].create({"name": "B2B Plan"})
        cls.account = cls.env["account.analytic.account"].create(
            {"name": "B2B Analytic", "plan_id": plan.id}
        )

    def _order(self):
        return self.env["sale.order"].create(
            {
                "partner_id": self.partner.id,
                "order_line": [
                    Command.create({"product_id": self.product.id}),
                    Command.create({"product_id": self.product.id}),
                ],
            }
        )

    def test_without_models_no_search_per_line(self):
        order = self._order()
        self.assertEqual(
            order.order_line.mapped("analytic_distribution"), [False, False]
        )
        with self.assertQueryCount(1):
            order.order_line._compute_analytic_distribution()

    def test_models_still_apply(self):
        self.Model.create(
            {
                "partner_id": self.partner.id,
                "analytic_distribution": {str(self.account.id): 100},
            }
        )
        order = self._order()
        expected = {str(self.account.id): 100}
        self.assertEqual(
            order.order_line.mapped("analytic_distribution"), [expected, expected]
        )
