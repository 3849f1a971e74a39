# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_pricing_sale.tests.common import B2bPricingSaleCommon


@tagged("post_install", "-at_install")
class TestPlainOdooPricingLoyalty(B2bPricingSaleCommon):
    """``sale.order.line._compute_b2b_price_source`` /
    ``_b2b_is_promotion_line`` with Odoo's promotions: for a customer that
    is not a dealer, a salesman without B2B rights gets Odoo's reward lines
    and amounts (order discount, free product) on the list prices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search([]).active = False
        cls.salesman = cls._b2b_internal_user(
            "b2b_plain_loyalty_salesman", "sales_team.group_sale_salesman"
        )
        cls.customer.property_product_pricelist = cls.pl_default
        cls.discount_program = cls.env["loyalty.program"].create(
            {
                "name": "Plain 10% from 500",
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "order",
                            "minimum_amount": 500.0,
                            "minimum_amount_tax_mode": "excl",
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "required_points": 1,
                            "reward_type": "discount",
                            "discount": 10.0,
                            "discount_mode": "percent",
                            "discount_applicability": "order",
                        }
                    )
                ],
            }
        )
        cls.free_program = cls.env["loyalty.program"].create(
            {
                "name": "Plain 2 mugs, 1 free",
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "order",
                            "minimum_qty": 2,
                            "product_ids": [Command.set(cls.mug.ids)],
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "required_points": 1,
                            "reward_type": "product",
                            "reward_product_id": cls.mug.id,
                            "reward_product_qty": 1,
                        }
                    )
                ],
            }
        )

    def _order(self, lines):
        return self._b2b_order(self.customer, lines, user=self.salesman)

    def _claim(self, order, program):
        order._update_programs_and_rewards()
        claimable = order._get_claimable_rewards()
        for coupon, rewards in claimable.items():
            if coupon.program_id == program:
                for reward in rewards:
                    order._apply_program_reward(reward, coupon)
        return order.order_line.filtered("is_reward_line")

    def test_order_discount(self):
        """3 shirts (100) and 6 caps (50): 600, 10 % off = -60."""
        order = self._order([(self.shirt_red, 3), (self.cap, 6)])
        self.assertEqual(order.pricelist_id, self.pl_default)
        reward = self._claim(order, self.discount_program)
        self.assertEqual(len(reward), 1)
        self.assertEqual(reward.reward_id, self.discount_program.reward_ids)
        self.assertAlmostEqual(reward.price_unit, -60.0)
        products = order.order_line - reward
        self.assertEqual(products.mapped("price_unit"), [100.0, 50.0])
        self.assertAlmostEqual(order.amount_untaxed, 540.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertAlmostEqual(order.amount_untaxed, 540.0)

    def test_free_product(self):
        """2 mugs (20): a third one free, 40 in all."""
        order = self._order([(self.mug, 2)])
        reward = self._claim(order, self.free_program)
        self.assertEqual(len(reward), 1)
        self.assertEqual(reward.product_id, self.mug)
        self.assertEqual(reward.product_uom_qty, 1)
        self.assertAlmostEqual(reward.price_subtotal, 0.0)
        self.assertAlmostEqual(order.amount_untaxed, 40.0)
        # the salesman changes the quantity: Odoo updates the reward
        order.order_line.filtered(lambda line: not line.is_reward_line).write(
            {"product_uom_qty": 4}
        )
        order._update_programs_and_rewards()
        self.assertAlmostEqual(order.amount_untaxed, 80.0)
        self.assertEqual(
            order.order_line.filtered("is_reward_line").product_id, self.mug
        )
