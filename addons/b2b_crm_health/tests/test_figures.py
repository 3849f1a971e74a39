# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.tests import tagged

from .common import B2bHealthCommon


@tagged("post_install", "-at_install")
class TestHealthFigures(B2bHealthCommon):
    """The figures of one dealer: orders and amounts of the two periods,
    averages and trends, 12-month volume net of credit notes, overdue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer = cls._dealer("Figures", "H-FIG")
        contact = cls.env["res.partner"].create(
            {"name": "Buyer", "parent_id": cls.dealer.id}
        )
        # previous period (90-179 days ago): 3 orders, 3,000
        for days in (170, 120, 91):
            cls._order(cls.dealer, days, qty=10)
        # current period (0-89 days): 2 orders, 1,000 + 3,000, one by a contact
        cls._order(cls.dealer, 60, qty=10)
        cls._order(contact, 5, qty=30)
        cls._order(cls.dealer, 300, qty=99)  # older than both periods
        cls._order(cls.dealer, 2, qty=50, confirm=False)  # quotation: ignored
        cls._invoice(cls.dealer, 5000.0, days_ago=100)
        cls._invoice(cls.dealer, 800.0, days_ago=30, move_type="out_refund")
        cls._invoice(cls.dealer, 7000.0, days_ago=400)  # older than 12 months
        cls.late = cls._invoice(
            cls.dealer, 1200.0, days_ago=60, due=cls.today - timedelta(days=45)
        )

    def test_figures(self):
        self._run()
        health = self._health(self.dealer)
        self.assertEqual(health.date, self.today)
        self.assertEqual(health.last_order_date, self.today - timedelta(days=5))
        self.assertEqual(health.days_since_order, 5)
        self.assertEqual((health.orders_current, health.orders_previous), (2, 3))
        self.assertEqual(health.amount_current, 4000.0)
        self.assertEqual(health.amount_previous, 3000.0)
        self.assertEqual(health.average_current, 2000.0)
        self.assertEqual(health.average_previous, 1000.0)
        self.assertEqual(health.average_trend, 100.0)
        self.assertAlmostEqual(health.frequency_trend, -33.33)
        self.assertAlmostEqual(health.amount_trend, 33.33)
        # 5,000 + 1,200 - 800 (the invoice of 400 days ago is too old)
        self.assertEqual(health.invoiced_12m, 5400.0)
        self.assertEqual(health.tier_id, self.tier)
        self.assertEqual(health.user_id, self.rep)
        self.assertFalse(health.flagged)

    def test_overdue_when_credit_installed(self):
        self._run()
        health = self._health(self.dealer)
        if "b2b_credit_grace_days" in self.env["res.partner"]._fields:
            self.assertTrue(health.overdue_known)
            self.assertEqual(health.overdue_amount, 1200.0)
            self.dealer.b2b_credit_grace_days = 60  # within grace: not overdue
            self._run()
            self.assertEqual(health.overdue_amount, 0.0)
        else:
            self.assertFalse(health.overdue_known)
            self.assertEqual(health.overdue_amount, 0.0)

    def test_reference_day(self):
        """The job computes as of the day it is given (frozen date)."""
        self._run(today=self.today - timedelta(days=100))
        health = self._health(self.dealer)
        self.assertEqual(health.last_order_date, self.today - timedelta(days=120))
        self.assertEqual(health.days_since_order, 20)
        self.assertEqual((health.orders_current, health.orders_previous), (2, 0))
