# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_pricing_sale.tests.common import B2bPricingSaleCommon


@tagged("post_install", "-at_install")
class TestPromotions(B2bPricingSaleCommon):
    """Tier and cumulative prices first, then Odoo's promotions on top.

    Silver dealer: shirts 90 (tier), 60 from 50 shirts of the template
    (cumulative break); caps 45 (tier), 40 from 6 caps of the category.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search([]).active = False
        cls._rule(cls.pl_silver, cls.cap, 45.0)
        cls._rule(cls.pl_silver, cls.cap, 40.0, min_qty=6, scope="category")

    @classmethod
    def _program(cls, name, rule, reward, **vals):
        return cls.env["loyalty.program"].create(
            {
                "name": name,
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "rule_ids": [Command.create(rule)],
                "reward_ids": [Command.create({"required_points": 1, **reward})],
                **vals,
            }
        )

    @classmethod
    def _threshold(cls, minimum, **reward):
        return cls._program(
            f"From {minimum}",
            {
                "reward_point_mode": "order",
                "minimum_amount": minimum,
                "minimum_amount_tax_mode": "excl",
            },
            {"reward_type": "discount", "discount_applicability": "order", **reward},
        )

    def _claim(self, order, program, code=None):
        """Apply the rewards of ``program`` the order can claim; its reward
        lines."""
        if code:
            result = order._try_apply_code(code)
            self.assertNotIn("error", result, result)
        order._update_programs_and_rewards()
        for coupon, rewards in order._get_claimable_rewards().items():
            if coupon.program_id == program:
                for reward in rewards:
                    order._apply_program_reward(reward, coupon)
        return order.order_line.filtered("is_reward_line")

    def test_percent_threshold_on_break_prices(self):
        """The promotion discounts the break prices, not the list prices."""
        program = self._threshold(3000.0, discount=10.0, discount_mode="percent")
        order = self._b2b_order(
            self.dealer, [(self.shirt_red, 30), (self.shirt_blue, 30)]
        )
        reward = self._claim(order, program)
        self.assertEqual(len(reward), 1)
        self.assertEqual(reward.b2b_price_source, "promotion")
        shirts = order.order_line - reward
        self.assertEqual(shirts.mapped("price_unit"), [60.0, 60.0])
        self.assertEqual(shirts.mapped("b2b_price_source"), ["break", "break"])
        self.assertAlmostEqual(reward.price_subtotal, -360.0)
        self.assertAlmostEqual(order.amount_untaxed, 3240.0)
        # the reward line keeps its price when the shirts are repriced
        shirts[1].product_uom_qty = 5
        self.assertEqual(shirts.mapped("price_unit"), [90.0, 90.0])
        self.assertAlmostEqual(reward.price_unit, -360.0)
        order.action_update_prices()
        # and the promotion follows the new tier prices once updated
        reward = self._claim(order, program)
        self.assertAlmostEqual(reward.price_subtotal, -315.0)
        self.assertAlmostEqual(order.amount_untaxed, 2835.0)

    def test_fixed_threshold_on_net_prices(self):
        """满减 (300 off from 3,000): the threshold is reached with the tier
        and break prices, not with the list prices."""
        program = self._threshold(3000.0, discount=300.0, discount_mode="per_order")
        # 32 shirts: 3,200 at list price, 2,880 at the tier price
        order = self._b2b_order(
            self.dealer, [(self.shirt_red, 16), (self.shirt_blue, 16)]
        )
        self.assertAlmostEqual(order.amount_untaxed, 2880.0)
        self.assertFalse(self._claim(order, program))
        # 50 shirts: the cumulative break (60) gives 3,000, then 300 off
        order.order_line[0].product_uom_qty = 25
        order.order_line[1].product_uom_qty = 25
        self.assertEqual(order.order_line.mapped("price_unit"), [60.0, 60.0])
        reward = self._claim(order, program)
        self.assertAlmostEqual(reward.price_subtotal, -300.0)
        self.assertEqual(reward.b2b_price_source, "promotion")
        self.assertAlmostEqual(order.amount_untaxed, 2700.0)

    def test_coupon_on_break_prices(self):
        program = self._program(
            "B2B coupon",
            {"reward_point_mode": "order", "minimum_amount": 0.0},
            {
                "reward_type": "discount",
                "discount": 10.0,
                "discount_mode": "percent",
                "discount_applicability": "order",
            },
            program_type="coupons",
            trigger="with_code",
        )
        self.env["loyalty.card"].create(
            {"program_id": program.id, "points": 1, "code": "B2B-COUPON-1"}
        )
        order = self._b2b_order(
            self.dealer, [(self.shirt_red, 30), (self.shirt_blue, 30)]
        )
        reward = self._claim(order, program, code="B2B-COUPON-1")
        self.assertEqual(len(reward), 1)
        self.assertAlmostEqual(reward.price_subtotal, -360.0)
        self.assertEqual(reward.b2b_price_source, "promotion")
        self.assertAlmostEqual(order.amount_untaxed, 3240.0)

    def test_buy_x_get_y_free_product(self):
        """The free cap is priced at the tier price and discounted 100 %; it
        does not count for the caps' category break."""
        program = self._program(
            "Buy 2 caps, get 1",
            {
                "product_ids": [Command.set(self.cap.ids)],
                "reward_point_mode": "unit",
                "reward_point_amount": 1,
                "minimum_qty": 2,
            },
            {
                "reward_type": "product",
                "reward_product_id": self.cap.id,
                "reward_product_qty": 1,
                "required_points": 2,
            },
            program_type="buy_x_get_y",
        )
        order = self._b2b_order(self.dealer, [(self.cap, 4)])
        reward = self._claim(order, program)
        self.assertEqual(reward.product_id, self.cap)
        self.assertEqual(reward.product_uom_qty, 2.0)
        self.assertEqual(reward.discount, 100.0)
        self.assertEqual(reward.price_unit, 45.0)
        self.assertAlmostEqual(reward.price_subtotal, 0.0)
        self.assertEqual(reward.b2b_price_source, "promotion")
        self.assertFalse(reward._b2b_is_cart_line())
        # 4 paid + 2 free caps: the 6-cap break is not reached
        paid = order.order_line - reward
        order.action_update_prices()
        self.assertEqual(paid.price_unit, 45.0)
        self.assertEqual(paid.b2b_price_source, "tier")
        self.assertAlmostEqual(order.amount_untaxed, 180.0)
        # 6 paid caps reach it: paid and free caps follow the break price
        paid.product_uom_qty = 6
        self.assertEqual(paid.price_unit, 40.0)
        self.assertEqual(paid.b2b_price_source, "break")
        reward = self._claim(order, program)
        self.assertAlmostEqual(reward.price_subtotal, 0.0)
        self.assertAlmostEqual(order.amount_untaxed, 240.0)

    def test_reward_line_not_counted_in_breaks(self):
        """A reward line never pushes the order over a quantity break."""
        program = self._threshold(3000.0, discount=10.0, discount_mode="percent")
        self._rule(self.pl_silver, False, 1.0, min_qty=61, scope="order")
        order = self._b2b_order(
            self.dealer, [(self.shirt_red, 30), (self.shirt_blue, 30)]
        )
        reward = self._claim(order, program)
        self.assertTrue(reward)
        self.assertFalse(reward._b2b_is_cart_line())
        shirts = order.order_line - reward
        shirts[0].product_uom_qty = 30  # any change reprices the order
        order.action_update_prices()
        self.assertEqual(shirts.mapped("price_unit"), [60.0, 60.0])
        self.assertEqual(shirts.mapped("b2b_price_source"), ["break", "break"])
