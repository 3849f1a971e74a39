# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bHealthCommon


@tagged("post_install", "-at_install")
class TestHealthQueryCount(B2bHealthCommon):
    """The job runs the same queries for 10 and for 60 dealers, first run
    (activities created) and next runs alike."""

    def _dealers(self, count, prefix):
        dealers = self.env["res.partner"]
        for index in range(count):
            dealer = self._dealer(f"{prefix} {index}", f"{prefix}-{index}")
            # one trips "no order", one "frequency", one "amount", the rest steady
            kind = index % 4
            days = {0: (200,), 1: (150, 120, 100, 20), 2: (150, 10), 3: (120, 30)}[kind]
            qtys = {2: (20, 5)}.get(kind, (10,) * len(days))
            for day, qty in zip(days, qtys, strict=True):
                self._order(dealer, day, qty=qty)
            dealers |= dealer
        return dealers

    def _count(self):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self._run()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _retire(self, dealers):
        """Take ``dealers`` out of the next runs (in SQL: no lifecycle)."""
        self.env.flush_all()
        self.cr.execute(
            "UPDATE res_partner SET b2b_state = 'suspended' WHERE id = ANY(%s)",
            [dealers.ids],
        )
        self.env.invalidate_all()

    def test_queries_do_not_grow_with_dealers(self):
        """Fresh dealers each time (the first run also subscribes the
        salesperson to them): 10, then 60."""
        self._retire(self.env["res.partner"].search([("b2b_is_dealer", "=", True)]))
        warm = self._dealers(10, "QWARM")
        self._run()  # warm up the caches
        self._retire(warm)
        ten = self._dealers(10, "QTEN")
        first_10, next_10 = self._count(), self._count()
        self._retire(ten)
        sixty = self._dealers(60, "QSIXTY")
        first_60, next_60 = self._count(), self._count()
        self.assertEqual(first_60, first_10)
        self.assertEqual(next_60, next_10)
        self.assertEqual(
            len(
                self.env["b2b.dealer.health"]
                .sudo()
                .search([("company_id", "=", self.company.id)])
            ),
            60,
        )
        # per 4 dealers: silent (1), fewer and smaller orders (2), smaller (1)
        self.assertEqual(len(self._activities(sixty)), 60)

    def test_order_confirmation_one_query_for_dealers(self):
        """Confirming a dealer's order costs one search of its activities."""
        dealer = self._dealer("Confirm", "H-CONF")
        self._order(dealer, 200)
        self._run()
        self.assertTrue(self._activities(dealer))
        order = self._order(dealer, 0, confirm=False)
        order.action_confirm()
        self.assertFalse(self._activities(dealer))
