# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bHealthCommon


@tagged("post_install", "-at_install")
class TestHealthMultiCompany(B2bHealthCommon):
    """Figures, rules and rows stay in their company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.company"].create({"name": "Health Other Co"})
        cls.env.user.company_ids |= cls.other
        cls.dealer = cls._dealer("MC Dealer", "H-MC")
        cls._order(cls.dealer, 100)

    def test_company_without_rules_computes_nothing(self):
        self._run(companies=self.company | self.other)
        self.assertTrue(self._health(self.dealer).flagged)
        self.assertFalse(
            self.env["b2b.dealer.health"]
            .sudo()
            .search([("company_id", "=", self.other.id)])
        )

    def test_orders_of_another_company_do_not_count(self):
        shared = self._b2b_dealer(
            "Shared", "H-SHARED", self.tier, state="approved", user_id=self.rep.id
        )
        self._order(shared, 10)  # in Health Co
        self.env["b2b.dealer.health.rule"].create(
            {
                "name": "Other silent",
                "kind": "no_order",
                "threshold": 5,
                "company_id": self.other.id,
            }
        )
        order = (
            self.env["sale.order"]
            .with_company(self.other)
            .create(
                {
                    "partner_id": shared.id,
                    "company_id": self.other.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "price_unit": 7.0,
                                "tax_id": [],
                            }
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        self._run(companies=self.company | self.other)
        mine = self._health(shared)
        theirs = self._health(shared, self.other)
        self.assertEqual(mine.amount_current, 1000.0)
        self.assertEqual(theirs.amount_current, 7.0)
        self.assertFalse(mine.flagged)
        # the rep (only in Health Co) sees Health Co's row only
        rows = (
            self.env["b2b.dealer.health"]
            .with_user(self.rep)
            .search([("partner_id", "=", shared.id)])
        )
        self.assertEqual(rows, mine)

    def test_rule_company_check(self):
        rule = self.env["b2b.dealer.health.rule"].create(
            {
                "name": "Other",
                "kind": "no_order",
                "threshold": 5,
                "company_id": self.other.id,
            }
        )
        with self.assertRaises(UserError):
            rule.tier_ids = [Command.link(self.tier.id)]
