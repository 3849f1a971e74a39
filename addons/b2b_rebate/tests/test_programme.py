# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import B2bRebateCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestProgramme(B2bRebateCommon):
    def test_periods(self):
        programme = self.programme
        self.assertEqual(
            programme._b2b_period_of(D(2026, 5, 15)), (D(2026, 4, 1), D(2026, 6, 30))
        )
        self.assertEqual(
            programme._b2b_period_of(D(2026, 12, 31)), (D(2026, 10, 1), D(2026, 12, 31))
        )
        self.assertIsNone(programme._b2b_period_of(D(2027, 1, 1)))
        self.assertIsNone(programme._b2b_period_of(D(2025, 12, 31)))
        programme.period_type = "month"
        self.assertEqual(
            programme._b2b_period_of(D(2026, 2, 10)), (D(2026, 2, 1), D(2026, 2, 28))
        )
        programme.period_type = "year"
        self.assertEqual(
            programme._b2b_period_of(D(2026, 2, 10)), (D(2026, 1, 1), D(2026, 12, 31))
        )
        # a programme starting mid-quarter: its first period starts with it
        programme.write({"period_type": "quarter", "date_start": D(2026, 2, 15)})
        self.assertEqual(
            programme._b2b_period_of(D(2026, 3, 1)), (D(2026, 2, 15), D(2026, 3, 31))
        )
        programme.write({"period_type": "custom", "date_end": D(2026, 8, 31)})
        self.assertEqual(
            programme._b2b_period_of(D(2026, 3, 1)), (D(2026, 2, 15), D(2026, 8, 31))
        )

    def test_periods_to_compute(self):
        self.assertEqual(
            self.programme._b2b_periods_to_compute(D(2026, 5, 15)),
            [(D(2026, 4, 1), D(2026, 6, 30)), (D(2026, 1, 1), D(2026, 3, 31))],
        )
        # first period: nothing before; after the end: the last period
        self.assertEqual(
            self.programme._b2b_periods_to_compute(D(2026, 2, 1)),
            [(D(2026, 1, 1), D(2026, 3, 31))],
        )
        self.assertEqual(
            self.programme._b2b_periods_to_compute(D(2027, 2, 1)),
            [(D(2026, 10, 1), D(2026, 12, 31))],
        )

    def test_validation(self):
        cases = [
            ({"date_end": D(2025, 1, 1)}, "end date is before"),
            ({"period_type": "custom", "date_end": False}, "needs an end date"),
            ({"product_scope": "products"}, "choose the products"),
            ({"product_scope": "categories"}, "choose the product categories"),
            ({"method": "incremental", "basis": "quantity"}, "incremental programme"),
            ({"step_ids": [Command.clear()]}, "at least one step"),
        ]
        for vals, message in cases:
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, message),
            ):
                with self.env.cr.savepoint():
                    self.programme.write(vals)
        step_cases = [
            ({"threshold": -1, "rate": 1}, "positive volume"),
            ({"threshold": 10, "rate": 101}, "between 0 and 100"),
            ({"threshold": 10, "rate": 1, "fixed_amount": -5}, "cannot be negative"),
            ({"threshold": 10}, "a rate or a fixed amount"),
        ]
        for vals, message in step_cases:
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, message),
            ):
                with self.env.cr.savepoint():
                    self.programme.write({"step_ids": [Command.create(vals)]})

    @mute_logger("odoo.sql_db")
    def test_threshold_unique(self):
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.programme.write(
                {"step_ids": [Command.create({"threshold": 1000.0, "rate": 5})]}
            )
            self.env.flush_all()

    def test_scope(self):
        Partner = self.env["res.partner"]
        silver = self._dealer("Silver dealer", "RB-S1", self.silver)
        elsewhere = self.env["b2b.dealer.region"].create({"name": "West"})
        gold_west = self._dealer(
            "Gold west", "RB-GW", self.gold, b2b_region_id=elsewhere.id
        )
        not_dealer = Partner.create({"name": "Customer", "is_company": True})

        def scope():
            return Partner.search(self.programme._b2b_dealer_domain())

        found = scope()
        self.assertIn(self.dealer, found)
        self.assertIn(gold_west, found)
        self.assertNotIn(silver, found)
        self.assertNotIn(not_dealer, found)
        # tiers and regions: both must match
        self.programme.region_ids = self.region
        self.assertNotIn(gold_west, scope())
        # listed dealers take part in any case; excluded never
        self.programme.write(
            {
                "partner_ids": [Command.set(silver.ids)],
                "excluded_partner_ids": [Command.set(self.dealer2.ids)],
            }
        )
        found = scope()
        self.assertIn(silver, found)
        self.assertIn(self.dealer, found)
        self.assertNotIn(self.dealer2, found)
        # nothing set: every dealer of the company
        self.programme.write(
            {
                "tier_ids": [Command.clear()],
                "region_ids": [Command.clear()],
                "partner_ids": [Command.clear()],
                "excluded_partner_ids": [Command.clear()],
            }
        )
        found = scope()
        self.assertTrue({self.dealer, silver, gold_west} <= set(found))
        self.assertNotIn(not_dealer, found)

    def test_actions(self):
        programme = self._programme("Draft one")
        programme.state = "draft"
        programme.with_user(self.accountant).action_b2b_start()
        self.assertEqual(programme.state, "running")
        programme.with_user(self.accountant).action_b2b_close()
        self.assertEqual(programme.state, "closed")
        programme.with_user(self.accountant).action_b2b_reopen()
        programme.with_user(self.accountant).action_b2b_draft()
        self.assertEqual(programme.state, "draft")
