# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .common import B2bCreditCommon

#: markers of the queries the credit decision issues when it applies
CREDIT_MARKERS = ("b2b_receivable", "b2b_credit_guard")


@tagged("post_install", "-at_install")
class TestPlainOdooCredit(B2bCreditCommon):
    """``account.move._post`` (invoice posting) and
    ``account.move.line.reconcile`` (payments) are plain Odoo for customers
    that are not dealers and in a company without credit policy, for an
    accountant without any B2B group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.setup_other_company(name="B2B Credit Plain Co 2")["company"]
        cls.accountant = cls._b2b_internal_user(
            "b2b_plain_accountant",
            "account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.company_2).ids)],
        )
        for stage in ("quotation", "order", "delivery", "invoice"):
            cls._set_policy(stage, "block")

    def _assert_no_credit_query(self, queries):
        self.assertFalse(
            [q for q in queries if any(m in q for m in CREDIT_MARKERS)], queries
        )

    def _post_as_accountant(self, move):
        move = move.with_user(self.accountant)
        self.env.flush_all()
        with self._count_queries() as counter:
            move.action_post()
            self.env.flush_all()
        return counter["queries"]

    def test_post_and_pay_plain_customer(self):
        """An invoice of a customer that is not a dealer, far above any
        dealer limit, posts and is paid as in Odoo, without a credit query."""
        invoice = self._invoice(5000.0, partner=self.customer, post=False)
        queries = self._post_as_accountant(invoice)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.payment_state, "not_paid")
        self._assert_no_credit_query(queries)
        with self._count_queries() as counter:
            self.env["account.payment.register"].with_user(
                self.accountant
            ).with_context(active_model="account.move", active_ids=invoice.ids).create(
                {"payment_date": "2026-01-10"}
            )._create_payments()
            self.env.flush_all()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self._assert_no_credit_query(counter["queries"])

    def test_credit_note_plain_customer(self):
        """Credit notes are never checked (Odoo's posting, no query)."""
        refund = self._invoice(
            300.0, partner=self.customer, move_type="out_refund", post=False
        )
        queries = self._post_as_accountant(refund)
        self.assertEqual(refund.state, "posted")
        self._assert_no_credit_query(queries)

    def test_multi_company_without_policy(self):
        """The dealer's invoice in a second company without credit policy
        posts as in Odoo, though the first company blocks it."""
        self._invoice(900.0)
        self.assertEqual(self.company_2.b2b_credit_policy_invoice, "none")
        invoice = self._invoice(
            5000.0, post=False, company=self.company_2
        ).with_context(allowed_company_ids=self.company_2.ids)
        self.assertEqual(invoice.company_id, self.company_2)
        queries = self._post_as_accountant(invoice)
        self.assertEqual(invoice.state, "posted")
        self._assert_no_credit_query(queries)


@tagged("post_install", "-at_install")
class TestPlainOdooCreditPartner(B2bQueryLogMixin, B2bCreditCommon):
    """``res.partner`` ``create`` / ``write`` (tier credit terms, own-value
    flags) for customers that are not dealers: a salesman and an accountant
    without B2B groups create and edit them as in plain Odoo (Odoo's credit
    limit, payment terms), and no credit audit row, guard row or other
    write of the suite's tables is made."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls._b2b_internal_user(
            "b2b_plain_credit_salesman", "sales_team.group_sale_salesman"
        )
        cls.accountant = cls._b2b_internal_user(
            "b2b_plain_credit_accountant",
            "account.group_account_invoice,base.group_partner_manager",
        )

    def _assert_no_b2b_write(self, queries):
        writes = [
            q
            for q in queries
            if q.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
            and self._b2b_tables([q])
        ]
        self.assertFalse(writes)
        self.assertFalse([q for q in queries if "b2b_credit_guard" in q])

    def test_salesman_creates_and_edits(self):
        audits = self.env["b2b.credit.audit"].search_count([])
        Partner = self.env["res.partner"].with_user(self.salesman)
        customer, queries = self._b2b_log_queries(
            Partner.create,
            {
                "name": "Plain Credit Customer",
                "is_company": True,
                "child_ids": [Command.create({"name": "Plain Credit Buyer"})],
            },
        )
        self._assert_no_b2b_write(queries)
        __, queries = self._b2b_log_queries(
            customer.write,
            {"property_payment_term_id": self.pay_terms_a.id, "phone": "+32 1"},
        )
        self._assert_no_b2b_write(queries)
        self.assertEqual(customer.property_payment_term_id, self.pay_terms_a)
        self.assertFalse(customer.b2b_is_dealer)
        self.assertEqual(self.env["b2b.credit.audit"].search_count([]), audits)

    def test_accountant_sets_credit_limit(self):
        """Odoo's partner credit limit (``use_partner_credit_limit``), set
        and removed by an accountant: Odoo's values, no audit row."""
        audits = self.env["b2b.credit.audit"].search_count([])
        customer = self.customer.with_user(self.accountant)
        __, queries = self._b2b_log_queries(
            customer.write, {"use_partner_credit_limit": True, "credit_limit": 750.0}
        )
        self._assert_no_b2b_write(queries)
        self.assertTrue(customer.use_partner_credit_limit)
        self.assertEqual(customer.credit_limit, 750.0)
        __, queries = self._b2b_log_queries(
            customer.write, {"use_partner_credit_limit": False}
        )
        self._assert_no_b2b_write(queries)
        self.assertFalse(customer.use_partner_credit_limit)
        self.assertEqual(self.env["b2b.credit.audit"].search_count([]), audits)
        self.assertFalse(customer.b2b_credit_hold)
