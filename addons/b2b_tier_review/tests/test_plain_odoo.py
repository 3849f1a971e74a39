# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .common import REF, B2bTierReviewCommon


def _tier_tables(tables):
    return {
        name: count for name, count in tables.items() if name.startswith("b2b_tier")
    }


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bQueryLogMixin, B2bTierReviewCommon):
    """A company that did not switch the review on and non-dealer customers
    see plain Odoo: nothing happens, no query of this module's tables."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.b2b_tier_review = False
        cls.customer = cls.env["res.partner"].create(
            {"name": "Plain Customer", "is_company": True}
        )

    def test_job_without_any_company_on(self):
        __, queries = self._b2b_log_queries(self.Review._b2b_cron, today=REF)
        self.assertEqual(_tier_tables(self._b2b_tables(queries)), {})
        self.assertEqual(len(queries), 1, "one query: the companies with the review")
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        self.assertFalse(self.company.b2b_tier_review_next_date)

    def test_customer_writes_cost_nothing(self):
        __, queries = self._b2b_log_queries(
            self.customer.write, {"name": "Renamed", "phone": "123"}
        )
        self.assertEqual(_tier_tables(self._b2b_tables(queries)), {})
        __, queries = self._b2b_log_queries(
            self.customer.write, {"b2b_tier_id": self.silver.id}
        )
        self.assertEqual(_tier_tables(self._b2b_tables(queries)), {})
        self.assertFalse(self.Change.search([("partner_id", "=", self.customer.id)]))

    def test_customer_order_and_invoice(self):
        product = self._b2b_product("Plain", price=10.0, taxes_id=False)
        order, queries = self._b2b_log_queries(
            self._b2b_order, self.customer, [(product, 3)], confirm=True
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(_tier_tables(self._b2b_tables(queries)), {})
        __, queries = self._b2b_log_queries(self._invoice, self.customer, 30.0)
        self.assertEqual(_tier_tables(self._b2b_tables(queries)), {})
