# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bPricingSaleCommon


@tagged("post_install", "-at_install")
class TestOrderRulesSale(B2bPricingSaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pack_rule = cls.env["b2b.order.rule"].create(
            {
                "name": "Shirts by the dozen",
                "applied_on": "product",
                "product_tmpl_id": cls.shirt_tmpl.id,
                "qty_multiple": 12,
                "mode": "block",
            }
        )
        cls.portal_user = cls._create_portal_user(cls.dealer, "b2b_rules_portal")

    def test_block_on_confirm(self):
        order = self._b2b_order(self.dealer, [(self.shirt_red, 30)])
        self.assertTrue(order.b2b_order_rule_blocking)
        self.assertIn("24 or 36", order.b2b_order_rule_message)
        self.assertIn("24 or 36", order._confirmation_error_message())
        with self.assertRaisesRegex(UserError, "24 or 36"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        order.order_line.product_uom_qty = 36
        self.assertFalse(order.b2b_order_rule_message)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_block_portal_and_rpc_paths(self):
        """The portal accepts an order as sudo: the hook still refuses it."""
        order = self._b2b_order(self.portal_user.partner_id, [(self.shirt_red, 30)])
        order.action_quotation_sent()
        as_portal = order.with_user(self.portal_user)
        as_portal.check_access("read")
        with self.assertRaisesRegex(UserError, "multiples of 12"):
            as_portal.sudo().action_confirm()
        with self.assertRaisesRegex(UserError, "multiples of 12"):
            self.env["sale.order"].browse(order.id).action_confirm()
        self.assertEqual(order.state, "sent")

    def test_warn_mode_confirms(self):
        self.pack_rule.mode = "warn"
        order = self._b2b_order(self.dealer, [(self.shirt_red, 30)])
        self.assertFalse(order.b2b_order_rule_blocking)
        self.assertIn("24 or 36", order.b2b_order_rule_message)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_minimum_amount_tier(self):
        self.env["b2b.order.rule"].create(
            {
                "name": "Silver minimum",
                "rule_type": "amount",
                "min_amount": 1000.0,
                "tier_ids": [(6, 0, self.tier_silver.ids)],
            }
        )
        order = self._b2b_order(self.dealer, [(self.shirt_red, 12)])  # 1080
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        small = self._b2b_order(self.dealer, [(self.mug, 10)])  # 200
        with self.assertRaisesRegex(UserError, "add .*800"):
            small.action_confirm()
        # a gold dealer is not concerned
        gold = self._b2b_order(self.dealer_gold, [(self.mug, 10)])
        gold.action_confirm()
        self.assertEqual(gold.state, "sale")

    def test_non_dealer_not_blocked(self):
        order = self._b2b_order(self.customer, [(self.shirt_red, 30)])
        self.assertFalse(order.b2b_order_rule_message)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
