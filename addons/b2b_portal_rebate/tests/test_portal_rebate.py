# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import logging
import re

from lxml import html as lxml_html

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin
from odoo.addons.b2b_base.tests.factory import B2bTestFactory

_logger = logging.getLogger(__name__)

MAX_QUERIES = 20
#: queries of the home card on the rebate tables (periods, programmes, balance)
MAX_HOME_QUERIES = 3
NUMBER_RE = re.compile(r"-?[\d,]+(?:\.\d+)?")


@tagged("post_install", "-at_install")
class TestPortalRebate(B2bQueryLogMixin, B2bTestFactory, HttpCase):
    """The dealer's rebate page: the backend's figures to the cent, the
    dealer's own only, a constant number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        today = datetime.date.today()
        cls.programme = cls.env["b2b.rebate.programme"].create(
            {
                "name": "Quarterly PR",
                "company_id": cls.company.id,
                "period_type": "quarter",
                "date_start": today.replace(year=today.year - 3, month=1, day=1),
                "step_ids": [
                    Command.create({"threshold": 1000.0, "rate": 2.0}),
                    Command.create({"threshold": 3000.0, "rate": 3.5}),
                ],
            }
        )
        cls.programme.state = "running"
        cls.dealer = cls._dealer("PR Dealer A", "PR-A")
        cls.dealer_b = cls._dealer("PR Dealer B", "PR-B")
        cls.buyer = cls._b2b_buyer(cls.dealer, "pr_buyer_a")
        cls.buyer_b = cls._b2b_buyer(cls.dealer_b, "pr_buyer_b")
        cls._invoice(cls.dealer, 1234.56, today)
        cls._invoice(cls.dealer_b, 5000.0, today)
        cls.programme._b2b_compute(day=today)
        cls.accrual = cls.env["b2b.rebate.accrual"].search(
            [("partner_id", "=", cls.dealer.id), ("period_end", ">=", today)]
        )
        cls.accrual._b2b_settle()
        cls._invoice(cls.dealer, 500.0, today)  # accrued, not settled yet
        cls.programme._b2b_compute(day=today)

    @classmethod
    def _dealer(cls, name, code):
        return cls._b2b_dealer(name, code, state="approved", company_id=cls.company.id)

    @classmethod
    def _invoice(cls, partner, amount, day):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": day,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Goods",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _page(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my/b2b/rebates")
        self.assertEqual(response.status_code, 200)
        return lxml_html.fromstring(response.text)

    @staticmethod
    def _number(tree, name):
        nodes = tree.xpath(f'//*[@name="{name}"]')
        text = nodes[0].text_content()
        return float(NUMBER_RE.search(text).group().replace(",", ""))

    def test_figures_equal_backend(self):
        accrual = self.accrual
        self.assertEqual(accrual.amount, 1734.56)
        self.assertEqual(accrual.settled_amount, 24.69)
        tree = self._page(self.buyer.login)
        cards = tree.xpath('//*[@name="b2b_rebate_card"]')
        self.assertEqual(len(cards), 1)
        self.assertEqual(int(cards[0].get("data-accrual-id")), accrual.id)
        expected = {
            "b2b_rebate_volume": accrual.amount,
            "b2b_rebate_missing": accrual.missing,
            "b2b_rebate_next_rate": accrual.next_rate,
            "b2b_rebate_rate": accrual.rate,
            "b2b_rebate_accrued": accrual.accrued_amount,
            "b2b_rebate_settled": accrual.settled_amount,
            "b2b_rebate_available": accrual.to_settle_amount,
        }
        for name, value in expected.items():
            with self.subTest(name=name):
                self.assertEqual(self._number(tree, name), value)
        self.assertEqual(
            (accrual.missing, accrual.accrued_amount, accrual.to_settle_amount),
            (1265.44, 34.69, 10.0),
        )

    def test_only_own_dealer(self):
        tree = self._page(self.buyer_b.login)
        cards = tree.xpath('//*[@name="b2b_rebate_card"]')
        self.assertEqual(len(cards), 1)
        self.assertNotEqual(int(cards[0].get("data-accrual-id")), self.accrual.id)
        self.assertTrue(tree.xpath('//*[@name="b2b_rebate_top"]'))
        # over RPC too: its own accruals, never the other dealer's
        Accrual = self.env["b2b.rebate.accrual"].with_user(self.buyer_b)
        self.assertEqual(Accrual.search([]).partner_id, self.dealer_b)
        with self.assertRaises(AccessError):
            self.accrual.with_user(self.buyer_b).read(["amount"])
        with self.assertRaises(AccessError):
            self.env["b2b.rebate.programme"].with_user(self.buyer_b).search_read(
                [], ["partner_ids"]
            )
        ledger = self.env["b2b.rebate.ledger"].with_user(self.buyer)
        self.assertEqual(ledger.search([]).partner_id, self.dealer)
        self.assertFalse(
            self.env["b2b.rebate.ledger"].with_user(self.buyer_b).search([])
        )

    def test_not_a_dealer_buyer(self):
        customer = self.env["res.partner"].create({"name": "PR Customer"})
        portal = self._b2b_buyer(customer, "pr_plain", roles=())
        self.authenticate(portal.login, portal.login)
        self.assertEqual(self.url_open("/my/b2b/rebates").status_code, 404)
        self.authenticate(self.buyer.login, self.buyer.login)
        home = self.url_open("/my/home").text
        self.assertIn('name="b2b_rebate_home_link"', home)

    def test_query_count_constant(self):
        """A dealer with one period and a dealer with twelve periods of
        history and many invoices: the same number of queries, at most 20."""
        big = self._dealer("PR Dealer Big", "PR-BIG")
        buyer_big = self._b2b_buyer(big, "pr_buyer_big")
        today = datetime.date.today()
        for months in range(0, 36, 3):
            day = today - datetime.timedelta(days=30 * months)
            for _i in range(3):
                self._invoice(big, 900.0, day)
            self.programme._b2b_compute(day=day)
        counts = []
        for login in (self.buyer.login, buyer_big.login):
            self.authenticate(login, login)
            for _warm in range(2):
                self.url_open("/my/b2b/rebates")
            start = self.cr.sql_log_count
            response = self.url_open("/my/b2b/rebates")
            counts.append(self.cr.sql_log_count - start)
            self.assertEqual(response.status_code, 200)
        tree = lxml_html.fromstring(response.text)
        self.assertGreaterEqual(len(tree.xpath('//*[@name="b2b_rebate_past_row"]')), 10)
        _logger.info("Rebate page: %s queries (1 period), %s (12 periods)", *counts)
        self.assertLessEqual(counts[0], MAX_QUERIES)
        self.assertEqual(counts[0], counts[1])

    # ------------------------------------------------------------------
    # Home card
    # ------------------------------------------------------------------
    def _home(self, login):
        """(tree, number of queries on the rebate tables) of a warm
        /my/home."""
        self.authenticate(login, login)
        for _warm in range(2):
            self.assertEqual(self.url_open("/my/home").status_code, 200)
        response, queries = self._b2b_log_queries(self.url_open, "/my/home")
        self.assertEqual(response.status_code, 200)
        # queries reading a rebate table (one query may read two of them)
        rebate_queries = [
            query
            for query in queries
            if any(t.startswith("b2b_rebate") for t in self._b2b_tables([query]))
        ]
        return lxml_html.fromstring(response.text), len(rebate_queries)

    def test_home_card_equals_backend(self):
        accrual = self.accrual
        tree, _count = self._home(self.buyer.login)
        cards = tree.xpath(
            '//*[@id="b2b_portal_home_panels"]/*[@id="b2b_rebate_home_card"]'
        )
        self.assertEqual(len(cards), 1)
        self.assertIn("col-lg-4", cards[0].get("class"))
        periods = tree.xpath('//*[@name="b2b_rebate_home_period"]')
        self.assertEqual([int(p.get("data-accrual-id")) for p in periods], accrual.ids)
        expected = {
            "b2b_rebate_home_volume": accrual.amount,
            "b2b_rebate_home_missing": accrual.missing,
            "b2b_rebate_home_next_rate": accrual.next_rate,
            "b2b_rebate_home_accrued": accrual.accrued_amount,
            "b2b_rebate_home_settled": accrual.settled_amount,
            "b2b_rebate_home_available": accrual.to_settle_amount,
        }
        for name, value in expected.items():
            with self.subTest(name=name):
                self.assertEqual(self._number(tree, name), value)
        self.assertIn("Quarterly PR", periods[0].text_content())
        self.assertFalse(tree.xpath('//*[@name="b2b_rebate_home_top"]'))
        self.assertFalse(tree.xpath('//*[@name="b2b_rebate_home_more"]'))
        self.assertTrue(tree.xpath('//a[@href="/my/b2b/rebates"]'))
        # the page shows the same figures
        page = self._page(self.buyer.login)
        for name, value in expected.items():
            if name != "b2b_rebate_home_next_rate":
                page_name = name.replace("_home", "")
                self.assertEqual(self._number(page, page_name), value)

    def test_home_card_top_step_and_balance(self):
        """Dealer B is above the top step: no "still to buy"; the balance
        shows when the dealer has one; every buyer role of the page sees
        the card (the page's rule)."""
        balance = self.env["b2b.rebate.balance"]._b2b_get(self.dealer_b, self.company)
        balance._b2b_move(123.45, "adjustment", "Opening balance")
        self.assertEqual(balance.amount, 123.45)
        finance = self._b2b_buyer(self.dealer_b, "pr_finance_b", roles=("finance",))
        self.authenticate(finance.login, finance.login)
        self.assertEqual(self.url_open("/my/b2b/rebates").status_code, 200)
        tree, _count = self._home(finance.login)
        self.assertTrue(tree.xpath('//*[@name="b2b_rebate_home_top"]'))
        self.assertFalse(tree.xpath('//*[@name="b2b_rebate_home_missing"]'))
        self.assertEqual(self._number(tree, "b2b_rebate_home_balance"), balance.amount)

    def test_home_card_query_count(self):
        """The card costs the same few queries on the rebate tables for a
        dealer with one period and one with twelve periods of history in
        five running programmes (the card shows three)."""
        big = self._dealer("PR Dealer Home", "PR-HOME")
        buyer_big = self._b2b_buyer(big, "pr_buyer_home")
        today = datetime.date.today()
        for months in range(0, 36, 3):
            day = today - datetime.timedelta(days=30 * months)
            self._invoice(big, 900.0, day)
            self.programme._b2b_compute(day=day)
        for index in range(4):
            programme = self.programme.copy(
                {
                    "name": f"PR Extra {index}",
                    "step_ids": [Command.create({"threshold": 500.0, "rate": 1.0})],
                }
            )
            programme.state = "running"
            programme._b2b_compute(day=today)
        self.assertGreaterEqual(
            self.env["b2b.rebate.accrual"].search_count([("partner_id", "=", big.id)]),
            16,
        )
        counts = []
        for login in (self.buyer.login, buyer_big.login):
            tree, count = self._home(login)
            counts.append(count)
        _logger.info("Rebate home card: %s queries (1 period), %s (12)", *counts)
        self.assertEqual(len(tree.xpath('//*[@name="b2b_rebate_home_period"]')), 3)
        self.assertTrue(tree.xpath('//*[@name="b2b_rebate_home_more"]'))
        self.assertLessEqual(counts[0], MAX_HOME_QUERIES)
        self.assertEqual(counts[0], counts[1])
