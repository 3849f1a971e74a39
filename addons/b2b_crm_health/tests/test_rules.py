# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import B2bHealthCommon


@tagged("post_install", "-at_install")
class TestHealthRules(B2bHealthCommon):
    """Each rule firing, one activity per rule never doubled while open,
    closed when the dealer orders again; thresholds per tier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only orders older than 180 days: no order in 60 days
        cls.dormant = cls._dealer("Dormant", "H-DORM")
        cls._order(cls.dormant, 200)
        # 4 orders before, 1 now of the same total: frequency down 75 %
        cls.fewer = cls._dealer("Fewer", "H-FEW")
        for days in (170, 150, 130, 100):
            cls._order(cls.fewer, days, qty=10)
        cls._order(cls.fewer, 20, qty=40)
        # 2 orders before, 2 now of a quarter: amount down 75 %
        cls.smaller = cls._dealer("Smaller", "H-SMALL")
        for days in (150, 120):
            cls._order(cls.smaller, days, qty=20)
        for days in (50, 10):
            cls._order(cls.smaller, days, qty=5)
        # steady
        cls.steady = cls._dealer("Steady", "H-STEADY")
        for days in (150, 100, 50, 10):
            cls._order(cls.steady, days)

    def test_each_rule_fires_once(self):
        self._run()
        expected = {
            self.dormant: self.rule_no_order,
            self.fewer: self.rule_frequency,
            self.smaller: self.rule_amount,
        }
        for dealer, rule in expected.items():
            health = self._health(dealer)
            self.assertTrue(health.flagged, dealer.name)
            self.assertEqual(health.flag_ids.rule_id, rule, dealer.name)
            activity = self._activities(dealer)
            self.assertEqual(activity.b2b_health_rule_id, rule)
            self.assertEqual(activity.user_id, self.rep)
            self.assertEqual(activity.summary, rule.name)
        self.assertFalse(self._health(self.steady).flagged)
        self.assertFalse(self._activities(self.steady))
        self.assertIn("200 days", self._health(self.dormant).reason)
        self.assertIn(
            "1 orders in the last 90 days against 4", self._health(self.fewer).reason
        )
        self.assertIn("-75 %", self._health(self.smaller).reason)
        # never a second activity while one is open
        self._run()
        dealers = self.dormant | self.fewer | self.smaller
        self.assertEqual(len(self._activities(dealers)), 3)

    def test_closed_when_the_dealer_orders_again(self):
        self._run()
        activity = self._activities(self.dormant)
        self.assertTrue(activity.active)
        order = self._order(self.dormant, 0)
        self.assertFalse(activity.active)  # done, kept (keep_done)
        self.assertEqual(activity.state, "done")
        message = self.env["mail.message"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", self.dormant.id),
                ("mail_activity_type_id", "!=", False),
            ],
            limit=1,
        )
        self.assertIn(order.name, str(message.body))
        # the order of another dealer closes nothing
        other = self._activities(self.fewer)
        self._order(self.steady, 0)
        self.assertTrue(other.active)
        # the next run sees the order: no flag, no new activity
        self._run()
        self.assertFalse(self._health(self.dormant).flagged)
        self.assertFalse(self._activities(self.dormant))

    def test_tier_rule_replaces_the_rule_for_every_tier(self):
        gold = self._dealer("Gold quiet", "H-GQ", tier=self.tier_gold)
        self._order(gold, 40)
        self._order(gold, 100)
        gold_rule = self.env["b2b.dealer.health.rule"].create(
            {
                "name": "Gold 30",
                "kind": "no_order",
                "threshold": 30,
                "tier_ids": [(6, 0, self.tier_gold.ids)],
                "company_id": self.company.id,
            }
        )
        self._run()
        self.assertEqual(self._health(gold).flag_ids.rule_id, gold_rule)
        # a Standard dealer silent for 40 days trips nothing (60 days)
        quiet = self._dealer("Std quiet", "H-SQ")
        self._order(quiet, 40)
        self._order(quiet, 100)
        self._run()
        self.assertFalse(self._health(quiet).flagged)

    def test_no_salesperson_fallback(self):
        nobody = self._b2b_dealer(
            "Nobody",
            "H-NOBODY",
            self.tier,
            state="approved",
            company_id=self.company.id,
        )
        self._order(nobody, 100)
        self._run()
        self.assertTrue(self._health(nobody).flagged)
        self.assertFalse(self._activities(nobody))
        activity_type = self.rule_no_order._b2b_activity_type()
        activity_type.default_user_id = self.rep_2
        self._run()
        self.assertEqual(self._activities(nobody).user_id, self.rep_2)

    def test_threshold_checks(self):
        with self.assertRaises(ValidationError):
            self.rule_amount.threshold = 120
        with self.assertRaises(ValidationError):
            self.rule_no_order.threshold = 0

    def test_not_approved_and_inactive_rules(self):
        self._run()
        self.assertTrue(self._health(self.dormant))
        self.dormant.sudo()._b2b_set_state("suspended", "Test")
        self._run()
        self.assertFalse(self._health(self.dormant))
        (self.rule_no_order | self.rule_frequency | self.rule_amount).active = False
        self._run()
        self.assertFalse(
            self.env["b2b.dealer.health"]
            .sudo()
            .search([("company_id", "=", self.company.id)])
        )
