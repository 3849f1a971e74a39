# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import B2bPricingSaleCommon


@tagged("post_install", "-at_install")
class TestPromotions(B2bPricingSaleCommon):
    """Tier and cumulative prices first, then Odoo's promotions on top.

    These tests need ``sale_loyalty`` (not a dependency of this glue): they
    are skipped when it is not installed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "loyalty.program" not in cls.env:
            return
        cls.env["loyalty.program"].search([]).active = False
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "10% from 3000",
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "order",
                            "minimum_amount": 3000.0,
                            "minimum_amount_tax_mode": "excl",
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 10.0,
                            "discount_mode": "percent",
                            "discount_applicability": "order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )

    def setUp(self):
        super().setUp()
        if "loyalty.program" not in self.env:
            self.skipTest("sale_loyalty is not installed")

    def _apply_promotions(self, order):
        order._update_programs_and_rewards()
        coupon = order.coupon_point_ids.coupon_id.filtered(
            lambda c: c.program_id == self.program
        )
        if coupon:
            order._apply_program_reward(self.program.reward_ids, coupon)
        return order.order_line.filtered("is_reward_line")

    def test_discount_on_break_prices(self):
        """The promotion discounts the break prices, not the list prices."""
        order = self._create_order(
            self.dealer, [(self.shirt_red, 30), (self.shirt_blue, 30)]
        )
        reward = self._apply_promotions(order)
        self.assertEqual(len(reward), 1)
        self.assertEqual(reward.b2b_price_source, "promotion")
        shirts = order.order_line - reward
        self.assertEqual(shirts.mapped("price_unit"), [60.0, 60.0])
        self.assertAlmostEqual(reward.price_subtotal, -360.0)
        self.assertAlmostEqual(order.amount_untaxed, 3240.0)
        # the reward line keeps its price when the shirts are repriced
        shirts[1].product_uom_qty = 5
        self.assertEqual(shirts.mapped("price_unit"), [90.0, 90.0])
        self.assertAlmostEqual(reward.price_unit, -360.0)
        # and the promotion follows the new tier prices once updated
        reward = self._apply_promotions(order)
        self.assertAlmostEqual(reward.price_subtotal, -315.0)
        self.assertAlmostEqual(order.amount_untaxed, 2835.0)

    def test_reward_line_not_counted_in_breaks(self):
        """A reward line never pushes the order over a quantity break."""
        self._rule(self.pl_silver, False, 1.0, min_qty=61, scope="order")
        order = self._create_order(
            self.dealer, [(self.shirt_red, 30), (self.shirt_blue, 30)]
        )
        reward = self._apply_promotions(order)
        self.assertTrue(reward)
        self.assertFalse(reward._b2b_is_cart_line())
        shirts = order.order_line - reward
        shirts[0].product_uom_qty = 30  # any change reprices the order
        order.action_update_prices()
        self.assertEqual(shirts.mapped("price_unit"), [60.0, 60.0])
        self.assertEqual(shirts.mapped("b2b_price_source"), ["break", "break"])
