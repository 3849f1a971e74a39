# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import B2bCreditSaleCommon

#: markers of the queries the credit decision issues when it applies
CREDIT_MARKERS = ("b2b_receivable", "b2b_credit_guard")


@tagged("post_install", "-at_install")
class TestPlainOdooCreditSale(B2bCreditSaleCommon):
    """``sale.order.create`` / ``write`` (quotation, confirmation: the credit
    choke points) are plain Odoo for customers that are not dealers and in a
    company without credit policy, for a salesman without any B2B group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for stage in ("quotation", "order", "delivery", "invoice"):
            cls._set_policy(stage, "block")
        cls.company_2 = cls.setup_other_company(name="B2B Credit Sale Co 2")["company"]
        cls.salesman.write(
            {"company_ids": [Command.set((cls.company | cls.company_2).ids)]}
        )

    def _assert_no_credit_query(self, queries):
        self.assertFalse(
            [q for q in queries if any(m in q for m in CREDIT_MARKERS)], queries
        )

    def _confirm_counting(self, order):
        self.env.flush_all()
        with self._count_queries() as counter:
            order.action_confirm()
            self.env.flush_all()
        return counter["queries"]

    def test_quotation_and_confirmation_plain_customer(self):
        """A plain salesman's quotation of 50,000 for a customer that is not
        a dealer: created, sent and confirmed as in Odoo, no credit query, no
        credit banner."""
        with self._count_queries() as counter:
            order = self._order(500, partner=self.customer, user=self.salesman)
            order.write({"state": "sent"})
            self.env.flush_all()
        self._assert_no_credit_query(counter["queries"])
        self.assertFalse(order.b2b_credit_warning)
        self.assertFalse(order.b2b_credit_is_dealer)
        self.assertFalse(order.b2b_credit_exceeded)
        queries = self._confirm_counting(order)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.amount_total, 50000.0)
        self._assert_no_credit_query(queries)

    def test_confirmation_multi_company_without_policy(self):
        """The dealer's order in a second company without credit policy is
        confirmed as in Odoo, though the first company blocks it."""
        self._invoice(900.0)
        self.assertEqual(self.company_2.b2b_credit_policy_order, "none")
        order = self._order(
            500,
            user=self.salesman.with_company(self.company_2),
            company_id=self.company_2.id,
        ).with_context(allowed_company_ids=self.company_2.ids)
        self.assertEqual(order.company_id, self.company_2)
        queries = self._confirm_counting(order)
        self.assertEqual(order.state, "sale")
        self._assert_no_credit_query(queries)
