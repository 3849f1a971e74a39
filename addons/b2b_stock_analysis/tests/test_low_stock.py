# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bStockAnalysisCommon

TODAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestLowStock(B2bStockAnalysisCommon):
    def _run(self, today=TODAY):
        """The job, as the cron runs it, on the test's warehouses."""
        return self.Alert.sudo()._b2b_check_low_stock(
            today=today, warehouses=self.wh_north | self.wh_west
        )

    def test_threshold_raises_one_activity(self):
        self._threshold(self.pump, self.wh_west, 10)
        self._stock(self.pump, self.wh_west, 4)
        raised, closed = self._run()
        self.assertEqual(len(raised), 1)
        self.assertFalse(closed)
        self.assertRecordValues(
            raised,
            [
                {
                    "warehouse_id": self.wh_west.id,
                    "product_id": self.pump.id,
                    "date": TODAY,
                    "user_id": self.stock_user.id,
                    "source": "threshold",
                    "threshold": 10.0,
                    "quantity": 4.0,
                    "state": "open",
                }
            ],
        )
        activity = raised.activity_id
        self.assertEqual(activity.res_model, "product.product")
        self.assertEqual(activity.res_id, self.pump.id)
        self.assertEqual(activity.user_id, self.stock_user)
        self.assertIn("B2B Analysis West", activity.summary)
        # the responsible (a stock user) sees the alert and its activity
        self.assertEqual(
            self.Alert.with_user(self.stock_user).search([]).ids, raised.ids
        )
        self.assertTrue(activity.with_user(self.stock_user).has_access("read"))

    def test_at_or_above_threshold_no_alert(self):
        self._threshold(self.pump, self.wh_west, 10)
        self._stock(self.pump, self.wh_west, 10)
        raised, _closed = self._run()
        self.assertFalse(raised)
        self.assertFalse(self._activities(self.pump))

    def test_at_most_once_a_day(self):
        self._threshold(self.pump, self.wh_west, 10)
        self._stock(self.pump, self.wh_west, 1)
        raised, _closed = self._run()
        # a second run the same day, the next day while it is open: nothing new
        self.assertFalse(self._run()[0])
        self.assertFalse(self._run(TODAY + timedelta(days=1))[0])
        self.assertEqual(len(self._activities(self.pump)), 1)
        # the responsible marks it done, stock still low: no second one today
        raised.activity_id.with_user(self.stock_user).action_feedback("Ordered")
        new, closed = self._run()
        self.assertFalse(new)
        self.assertEqual(closed, raised)
        self.assertEqual(raised.state, "done")
        self.assertFalse(self._activities(self.pump))
        # the next day, still low: one new alert
        new, _closed = self._run(TODAY + timedelta(days=1))
        self.assertEqual(len(new), 1)
        self.assertEqual(len(self._activities(self.pump)), 1)
        self.assertEqual(
            self.Alert.search_count([("product_id", "=", self.pump.id)]), 2
        )

    def test_closed_when_back(self):
        self._threshold(self.pump, self.wh_west, 10)
        self._stock(self.pump, self.wh_west, 3)
        raised, _closed = self._run()
        activity = raised.activity_id
        self._stock(self.pump, self.wh_west, 7)  # back at the threshold
        new, closed = self._run(TODAY + timedelta(days=1))
        self.assertFalse(new)
        self.assertEqual(closed, raised)
        self.assertRecordValues(
            raised,
            [
                {
                    "state": "closed",
                    "closed_date": TODAY + timedelta(days=1),
                    "closed_quantity": 10.0,
                    "activity_id": False,
                }
            ],
        )
        self.assertFalse(activity.exists())
        # low again later: a new alert
        self._move(self.pump, self.wh_west.lot_stock_id, self.customers, 5)
        new, _closed = self._run(TODAY + timedelta(days=2))
        self.assertEqual(len(new), 1)

    def test_closed_when_threshold_or_responsible_removed(self):
        threshold = self._threshold(self.pump, self.wh_west, 10)
        self._threshold(self.valve, self.wh_west, 10)
        raised, _closed = self._run()
        self.assertEqual(len(raised), 2)
        threshold.unlink()
        _new, closed = self._run()
        self.assertEqual(closed.product_id, self.pump)
        self.wh_west.b2b_stock_responsible_id = False
        _new, closed = self._run()
        self.assertEqual(closed.product_id, self.valve)
        self.assertFalse(self._activities(self.pump | self.valve))

    def test_reordering_rule_fallback(self):
        Orderpoint = self.env["stock.warehouse.orderpoint"]
        Orderpoint.create(
            {
                "product_id": self.valve.id,
                "warehouse_id": self.wh_west.id,
                "location_id": self.wh_west.lot_stock_id.id,
                "product_min_qty": 20,
                "product_max_qty": 50,
            }
        )
        self._stock(self.valve, self.wh_west, 15)
        raised, _closed = self._run()
        self.assertRecordValues(
            raised, [{"source": "orderpoint", "threshold": 20.0, "quantity": 15.0}]
        )
        # a threshold of the pair wins over the reordering rule
        self._threshold(self.valve, self.wh_west, 12)
        _new, closed = self._run(TODAY + timedelta(days=1))
        self.assertEqual(closed, raised)

    def test_query_count_flat(self):
        """The job's queries do not grow with the number of pairs: 1 and
        30 products raising, then closing, alerts (after a warm-up run that
        fills Odoo's caches)."""
        products = self.env["product.product"].create(
            [
                {"name": f"Analysis Bulk {i}", "type": "consu", "is_storable": True}
                for i in range(32)
            ]
        )
        counts = {}
        day = TODAY
        for key, group in (
            ("warm-up", products[:1]),
            ("one", products[1:2]),
            ("thirty", products[2:]),
        ):
            for product in group:
                self._threshold(product, self.wh_west, 5)
            for step in ("raise", "close"):
                if step == "close":
                    for product in group:
                        self._stock(product, self.wh_west, 10)
                day += timedelta(days=1)
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                raised, closed = self._run(day)
                counts[key, step] = self.env.cr.sql_log_count - before
                self.assertEqual(len(raised if step == "raise" else closed), len(group))
        self.assertEqual(counts["one", "raise"], counts["thirty", "raise"], counts)
        self.assertEqual(counts["one", "close"], counts["thirty", "close"], counts)

    def test_access(self):
        Threshold = self.env["b2b.stock.threshold"]
        threshold = self._threshold(self.pump, self.wh_west, 10)
        # the stock user reads the thresholds, cannot set them
        self.assertEqual(Threshold.with_user(self.stock_user).search([]), threshold)
        with self.assertRaises(AccessError):
            Threshold.with_user(self.stock_user).create(
                {
                    "product_id": self.valve.id,
                    "warehouse_id": self.wh_west.id,
                    "min_qty": 3,
                }
            )
        with self.assertRaises(AccessError):
            threshold.with_user(self.stock_user).min_qty = 1
        with self.assertRaises(AccessError):
            self.Alert.with_user(self.stock_user).action_b2b_check_now()
        # the stock manager sets them and runs the check
        Threshold.with_user(self.stock_manager).create(
            {"product_id": self.valve.id, "warehouse_id": self.wh_west.id, "min_qty": 3}
        )
        self.wh_north.with_user(
            self.stock_manager
        ).b2b_stock_responsible_id = self.stock_manager
        action = self.Alert.with_user(self.stock_manager).action_b2b_check_now()
        self.assertEqual(action["tag"], "display_notification")
        self.assertTrue(
            self.Alert.search(
                [("product_id", "=", self.valve.id), ("state", "=", "open")]
            )
        )
