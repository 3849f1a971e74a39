# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPortalQueryCountMixin

from ..controllers.sale import B2bFinanceOrderPayment
from .common import B2bFinancePortalCommon
from .test_order_payment import B2bOrderPaymentCommon

_logger = logging.getLogger(__name__)

MAX_QUERIES = 40


@tagged("post_install", "-at_install")
class TestFinancePortalQueryCount(B2bPortalQueryCountMixin, B2bFinancePortalCommon):
    """The finance pages issue at most 40 queries, the same number for a
    dealer with 1 record and one with 60 (lists: pages of 20)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer_big = cls._create_dealer("Dealer Big")
        cls.finance_big = cls._b2b_buyer(cls.dealer_big, "fp_finance_big", ("finance",))
        cls._declare(cls.finance, 10.0, "QC-0")
        cls._declare(cls.finance_big, 10.0, "QC-BIG")
        # sudo: slips are declared through the portal only; these 59 more
        # are only listed (no file needed)
        cls.env["b2b.payment.slip"].sudo().create(
            [
                {
                    "company_id": cls.company.id,
                    "dealer_id": cls.dealer_big.id,
                    "amount": 11.0 + index,
                    "date": "2026-02-01",
                    "bank_reference": f"QC-{index}",
                }
                for index in range(59)
            ]
        )
        cls.invoice_big = cls._post_invoice(
            cls.dealer_big, 10.0, "2026-02-01", "2026-02-01"
        )
        for day in range(2, 31):
            cls._post_invoice(cls.dealer_big, 10.0 * day, "2026-02-01", "2026-02-01")
        # sudo: snapshots are created by the monthly job only
        Snapshot = cls.env["b2b.statement.snapshot"].sudo()
        cls.one = cls._snapshot()
        cls.many = Snapshot.browse()
        for month in range(1, 13):
            date_from = fields.Date.to_date(f"2025-{month:02d}-01")
            cls.many |= Snapshot.create(
                {
                    "name": f"S {month}",
                    "company_id": cls.company.id,
                    "dealer_id": cls.dealer_big.id,
                    "month": f"2025-{month:02d}",
                    "date_from": date_from,
                    "date_to": date_from,
                    "sent_date": fields.Datetime.now(),
                }
            )
        # 48 confirmed statements of the years before: 61 in all
        Snapshot.create(
            [
                {
                    "name": f"S {year}-{month}",
                    "company_id": cls.company.id,
                    "dealer_id": cls.dealer_big.id,
                    "month": f"{year}-{month:02d}",
                    "date_from": f"{year}-{month:02d}-01",
                    "date_to": f"{year}-{month:02d}-01",
                    "sent_date": fields.Datetime.now(),
                    "state": "confirmed",
                }
                for year in range(2021, 2025)
                for month in range(1, 13)
            ]
        )
        cls.big = cls._snapshot(cls.dealer_big)

    def _pair(self, url_few, url_many):
        few, html_few = self._b2b_count_warm(url_few, self.finance.login)
        many, html_many = self._b2b_count_warm(url_many, self.finance_big.login)
        _logger.info("%s: %s queries (few), %s (many)", url_few, few, many)
        self.assertLessEqual(few, MAX_QUERIES)
        self.assertEqual(few, many)
        return html_few, html_many

    def test_payments_list(self):
        few, many = self._pair("/my/b2b/payments", "/my/b2b/payments")
        self.assertEqual(few.count('name="b2b_payment_row"'), 1)
        # 60 slips: the first page of 20 and a pager of 3 pages
        self.assertEqual(many.count('name="b2b_payment_row"'), 20)
        self.assertNotIn('href="/my/b2b/payments/page/2"', few)
        self.assertIn('href="/my/b2b/payments/page/3"', many)
        __, last = self._b2b_count_warm(
            "/my/b2b/payments/page/3", self.finance_big.login
        )
        self.assertEqual(last.count('name="b2b_payment_row"'), 20)

    def test_payment_form(self):
        few, many = self._pair("/my/b2b/payments/new", "/my/b2b/payments/new")
        self.assertEqual(few.count('name="b2b_payment_invoice"'), 3)
        self.assertEqual(many.count('name="b2b_payment_invoice"'), 30)

    def test_statements_list(self):
        few, many = self._pair("/my/b2b/statements", "/my/b2b/statements")
        self.assertEqual(few.count('name="b2b_statement_row"'), 1)
        # 61 statements: pages of 20
        self.assertEqual(many.count('name="b2b_statement_row"'), 20)
        self.assertIn('href="/my/b2b/statements/page/4"', many)
        __, last = self._b2b_count_warm(
            "/my/b2b/statements/page/4", self.finance_big.login
        )
        self.assertEqual(last.count('name="b2b_statement_row"'), 1)

    def test_statement_page(self):
        few, many = self._pair(
            f"/my/b2b/statements/{self.one.id}", f"/my/b2b/statements/{self.big.id}"
        )
        self.assertEqual(few.count('name="b2b_snapshot_line"'), 3)
        self.assertEqual(many.count('name="b2b_snapshot_line"'), 30)

    def test_home(self):
        few, many = self._pair("/my/home", "/my/home")
        self.assertEqual(few.count('name="b2b_statement_waiting"'), 1)
        self.assertEqual(many.count('name="b2b_statement_waiting"'), 13)


@tagged("post_install", "-at_install")
class TestOrderPageQueryCount(B2bPortalQueryCountMixin, B2bOrderPaymentCommon):
    """The pay card is on every dealer's order page: for a confirmed order
    or a quotation not refused it costs no query at all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirmed = cls._b2b_order(
            cls.purchaser_p.partner_id, [(cls.widget, 2)], sudo=True
        ).with_env(cls.env)
        cls.confirmed.action_confirm()
        cls.quotation = cls._b2b_order(
            cls.purchaser_p.partner_id, [(cls.widget, 2)], sudo=True
        ).with_env(cls.env)

    def _card_queries(self, order):
        with self._b2b_method_counter(
            B2bFinanceOrderPayment, "_b2b_order_pay_values"
        ) as card:
            page, html = self._b2b_count_warm(
                order.get_portal_url(), self.finance_p.login
            )
        return card["count"], page, html

    def test_confirmed_order_page(self):
        self.assertEqual(self.confirmed.state, "sale")
        card, page, html = self._card_queries(self.confirmed)
        self.assertEqual(card, 0)
        self.assertNotIn('id="b2b_order_pay', html)
        # the same page without the card: not one query less
        with patch.object(
            B2bFinanceOrderPayment, "_b2b_order_pay_values", lambda *a, **k: {}
        ):
            without, __ = self._b2b_count_warm(
                self.confirmed.get_portal_url(), self.finance_p.login
            )
        _logger.info(
            "confirmed order page: %s queries, %s without the card", page, without
        )
        self.assertEqual(page, without)

    def test_quotation_not_refused(self):
        card, __, html = self._card_queries(self.quotation)
        self.assertEqual(card, 0)
        self.assertNotIn('id="b2b_order_pay', html)

    def test_refused_order(self):
        """The refused order's card: the dealer's credit and the order's
        transfers, a fixed number of queries whatever the dealer's other
        transfers."""
        card, __, html = self._card_queries(self.order_a)
        self.assertIn('id="b2b_order_pay_shortfall"', html)
        self._slip(self.order_b, 10.0, reference="QC-B")
        card_after, __, __ = self._card_queries(self.order_a)
        _logger.info("refused order page: the pay card costs %s queries", card)
        self.assertEqual(card, card_after)
