# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from ..models.sale_order import SaleOrder as Hook
from .common import B2bHealthCommon


def _without_hook(order):
    """The confirmation without this module's hook (plain Odoo + b2b_sale)."""
    return super(Hook, order)._action_confirm()


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bHealthCommon):
    """A customer that is no dealer, a company without rules: plain Odoo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Plain customer", "is_company": True}
        )
        cls.plain_company = cls.env["res.company"].create({"name": "Plain Co"})

    def test_non_dealer_has_no_health(self):
        self._order(self.customer, 200)
        self._run()
        self.assertFalse(self._health(self.customer))
        self.assertFalse(self._activities(self.customer))

    def test_company_without_rules(self):
        dealer = self._b2b_dealer(
            "Plain Co dealer",
            "H-PLAIN",
            state="approved",
            user_id=self.rep.id,
            company_id=self.plain_company.id,
        )
        self.env["b2b.dealer.health"].sudo()._b2b_cron_compute()
        self.assertFalse(self._health(dealer, self.plain_company))
        self.assertFalse(self._activities(dealer))

    def test_confirming_a_plain_order_costs_no_query(self):
        """The confirmation hook runs no query for a customer that is no
        dealer: the same count with the hook and without it."""

        def count():
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "order_line": [
                        Command.create({"product_id": self.product.id, "tax_id": []})
                    ],
                }
            )
            self.env.flush_all()
            before = self.cr.sql_log_count
            order.action_confirm()
            self.env.flush_all()
            self.assertEqual(order.state, "sale")
            return self.cr.sql_log_count - before

        count()  # warm up
        with_hook = count()
        with patch.object(Hook, "_action_confirm", _without_hook):
            without_hook = count()
        self.assertEqual(with_hook, without_hook)
