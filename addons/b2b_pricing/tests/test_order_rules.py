# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import B2bPricingCommon


@tagged("post_install", "-at_install")
class TestOrderRules(B2bPricingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["b2b.order.rule"]

    def _check(self, lines, amount=0.0, dealer=None):
        cart = [
            {
                "key": index,
                "product": line[0],
                "quantity": line[1],
                "uom": line[2] if len(line) > 2 else line[0].uom_id,
            }
            for index, line in enumerate(lines)
        ]
        return self.Rule._b2b_check_cart(
            dealer or self.dealer, cart, amount, self.currency, self.company
        )

    def test_multiple_message(self):
        self.Rule.create(
            {
                "name": "Shirts by the dozen",
                "applied_on": "product",
                "product_tmpl_id": self.shirt_tmpl.id,
                "qty_multiple": 12,
            }
        )
        violations = self._check([(self.shirt_red, 30)])
        self.assertEqual(len(violations), 1)
        self.assertIn("order in multiples of 12: 24 or 36", violations[0]["message"])
        self.assertEqual(violations[0]["mode"], "block")
        self.assertEqual(violations[0]["keys"], [0])
        message = self._check([(self.shirt_red, 5)])[0]["message"]
        self.assertIn("multiples of 12: 12", message)
        self.assertNotIn(" or ", message)
        self.assertFalse(self._check([(self.shirt_red, 24), (self.shirt_blue, 36)]))
        # two lines of the same variant are added up; units are converted
        self.assertFalse(self._check([(self.shirt_red, 20), (self.shirt_red, 4)]))
        self.assertFalse(self._check([(self.shirt_red, 2, self.uom_dozen)]))

    def test_minimum_quantity(self):
        self.Rule.create(
            {
                "name": "Caps MOQ",
                "applied_on": "category",
                "categ_id": self.categ_apparel.id,
                "min_qty": 10,
                "mode": "warn",
            }
        )
        violations = self._check([(self.cap, 4), (self.mug, 1)])
        self.assertEqual(len(violations), 1)
        self.assertEqual(violations[0]["mode"], "warn")
        self.assertIn("minimum order quantity is 10", violations[0]["message"])
        self.assertIn("add 6", violations[0]["message"])
        self.assertFalse(self._check([(self.cap, 10), (self.mug, 1)]))

    def test_specific_rule_wins(self):
        """Tier rule beats generic rule; product rule beats category rule."""
        self.Rule.create(
            {"name": "All", "applied_on": "all", "min_qty": 10, "sequence": 1}
        )
        self.Rule.create(
            {
                "name": "Shirts",
                "applied_on": "category",
                "categ_id": self.categ_shirts.id,
                "min_qty": 20,
            }
        )
        self.Rule.create(
            {
                "name": "Gold shirts",
                "applied_on": "category",
                "categ_id": self.categ_shirts.id,
                "min_qty": 5,
                "tier_ids": [(6, 0, self.tier_gold.ids)],
            }
        )
        self.assertEqual(len(self._check([(self.shirt_red, 15)])), 1)
        self.assertFalse(self._check([(self.shirt_red, 15)], dealer=self.dealer_gold))
        self.assertTrue(self._check([(self.shirt_red, 4)], dealer=self.dealer_gold))
        self.assertFalse(self._check([(self.mug, 10)]))

    def test_minimum_amount(self):
        self.Rule.create(
            {
                "name": "Silver minimum",
                "rule_type": "amount",
                "min_amount": 1000,
                "tier_ids": [(6, 0, self.tier_silver.ids)],
            }
        )
        self.Rule.create(
            {
                "name": "Dealer minimum",
                "rule_type": "amount",
                "min_amount": 200,
                "mode": "warn",
                "partner_id": self.dealer_gold.id,
            }
        )
        violations = self._check([(self.mug, 1)], amount=600.0)
        self.assertEqual(len(violations), 1)
        self.assertIn("add", violations[0]["message"])
        self.assertEqual(violations[0]["mode"], "block")
        self.assertFalse(self._check([(self.mug, 1)], amount=1000.0))
        gold = self._check([(self.mug, 1)], amount=100.0, dealer=self.dealer_gold)
        self.assertEqual(gold[0]["mode"], "warn")
        self.assertFalse(self._check([(self.mug, 1)], 300.0, dealer=self.dealer_gold))

    def test_non_dealer_has_no_rules(self):
        self.Rule.create({"name": "All", "rule_type": "amount", "min_amount": 1000})
        self.assertFalse(self._check([(self.mug, 1)], amount=1.0, dealer=self.customer))
        self.assertTrue(self._check([(self.mug, 1)], amount=1.0))

    def test_archived_and_other_company_rules_ignored(self):
        other_company = self.env["res.company"].create({"name": "B2B Other Co"})
        self.Rule.create(
            {
                "name": "Other company",
                "rule_type": "amount",
                "min_amount": 1000,
                "company_id": other_company.id,
            }
        )
        self.Rule.create(
            {
                "name": "Archived",
                "rule_type": "amount",
                "min_amount": 1000,
                "active": False,
            }
        )
        self.assertFalse(self._check([(self.mug, 1)], amount=1.0))

    def test_constraints(self):
        with self.assertRaises(ValidationError):
            self.Rule.create({"name": "Empty", "applied_on": "all"})
        with self.assertRaises(ValidationError):
            self.Rule.create(
                {"name": "No product", "applied_on": "product", "min_qty": 1}
            )
        with self.assertRaises(ValidationError):
            self.Rule.create({"name": "No amount", "rule_type": "amount"})

    def test_access_rights(self):
        """Salespeople read the rules, managers maintain them, portal nothing."""
        rule = self.Rule.create({"name": "All", "applied_on": "all", "min_qty": 2})
        rep = new_test_user(
            self.env,
            login="b2b_rule_rep",
            groups="b2b_base.b2b_base_group_salesman_own",
        )
        manager = new_test_user(
            self.env, login="b2b_rule_mgr", groups="b2b_base.b2b_base_group_manager"
        )
        portal = self._create_portal_user(self.dealer, "b2b_rule_portal")
        self.assertEqual(rule.with_user(rep).min_qty, 2)
        with self.assertRaises(AccessError):
            rule.with_user(rep).min_qty = 3
        rule.with_user(manager).min_qty = 3
        self.assertEqual(rule.min_qty, 3)
        with self.assertRaises(AccessError):
            rule.with_user(portal).read(["min_qty"])
        # the rules still apply to the portal user's orders (checked as sudo)
        cart = [{"key": 0, "product": self.mug, "quantity": 1}]
        violations = self.Rule.with_user(portal)._b2b_check_cart(
            self.dealer, cart, 20.0, self.currency, self.company
        )
        self.assertEqual(len(violations), 1)

    def test_multi_company_rule(self):
        other_company = self.env["res.company"].create({"name": "B2B Rule Co"})
        rule = self.Rule.create(
            {
                "name": "Other",
                "applied_on": "all",
                "min_qty": 2,
                "company_id": other_company.id,
            }
        )
        manager = new_test_user(
            self.env,
            login="b2b_rule_mgr_mc",
            groups="b2b_base.b2b_base_group_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        self.assertFalse(self.Rule.with_user(manager).search([("id", "=", rule.id)]))
