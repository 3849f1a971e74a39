# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import logging
import re

import jsonschema
from lxml import html as lxml_html

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_api.models.b2b_api import API_VERSION
from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin
from odoo.addons.b2b_base.tests.factory import B2bTestFactory

from ..models.b2b_api import merged_schema

_logger = logging.getLogger(__name__)

INTEGRATION = "b2b_api.b2b_api_group_integration"
NUMBER_RE = re.compile(r"-?[\d,]+(?:\.\d+)?")
#: codes of the frame no payload can trigger (as in tests/live's contract)
UNTRIGGERABLE = {"FORBIDDEN", "REFUSED", "INTERNAL_ERROR"}


@tagged("post_install", "-at_install")
class TestApiRebate(B2bQueryLogMixin, B2bTestFactory, HttpCase):
    """``rebate_summary``: the backend's accruals and the portal page's
    figures to the cent, the caller's dealer only, in the call's companies,
    a constant number of queries, every documented error code."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.today = today = datetime.date.today()
        cls.programme = cls._programme("API Quarterly", cls.company)
        cls.dealer = cls._dealer("AR Dealer A", "AR-A")
        cls.dealer_b = cls._dealer("AR Dealer B", "AR-B")
        cls.buyer = cls._b2b_buyer(cls.dealer, "ar_buyer_a")
        cls.erp = cls._erp("ar_erp_a", cls.dealer)
        cls.erp_b = cls._erp("ar_erp_b", cls.dealer_b)
        # two ended quarters, then the running one: settled, then more
        for months in (6, 3):
            day = today - datetime.timedelta(days=31 * months)
            cls._invoice(cls.dealer, 1100.0 + months, day)
            cls.programme._b2b_compute(day=day)
        cls._invoice(cls.dealer, 1234.56, today)
        cls._invoice(cls.dealer_b, 5000.0, today)
        cls.programme._b2b_compute(day=today)
        cls.accrual = cls._accruals(cls.dealer).filtered(
            lambda a: a.period_end >= today
        )
        cls.accrual._b2b_settle()
        cls._invoice(cls.dealer, 500.0, today)  # accrued, not settled yet
        cls.programme._b2b_compute(day=today)
        # a rebate balance (what a programme settled as a balance credits)
        cls.balance = cls.env["b2b.rebate.balance"]._b2b_get(cls.dealer, cls.company)
        cls.balance._b2b_move(123.45, "manual", "API test")

    @classmethod
    def _programme(cls, name, company):
        programme = cls.env["b2b.rebate.programme"].create(
            {
                "name": name,
                "company_id": company.id,
                "period_type": "quarter",
                "date_start": cls.today.replace(year=cls.today.year - 3, day=1),
                "step_ids": [
                    Command.create({"threshold": 1000.0, "rate": 2.0}),
                    Command.create({"threshold": 3000.0, "rate": 3.5}),
                ],
            }
        )
        programme.state = "running"
        return programme

    @classmethod
    def _dealer(cls, name, code):
        return cls._b2b_dealer(name, code, state="approved")

    @classmethod
    def _erp(cls, login, dealer):
        user = cls._b2b_buyer(dealer, login, (INTEGRATION,))
        user.b2b_api_dealer_ids = dealer
        return user

    @classmethod
    def _accruals(cls, dealer):
        return cls.env["b2b.rebate.accrual"].search([("partner_id", "=", dealer.id)])

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

    def api(self, user=None):
        return self.env["b2b.api"].with_user(user or self.erp)

    def assertValid(self, answer):
        schema = dict(merged_schema(), **{"$ref": "#/operations/rebate_summary/answer"})
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(answer))
        self.assertFalse(errors, [e.message for e in errors])

    def assertCode(self, answer, code, field=None):
        self.assertFalse(answer["ok"], answer)
        self.assertEqual([e["code"] for e in answer["errors"]], [code], answer)
        if field:
            self.assertEqual(answer["errors"][0]["field"], field)
        self.assertValid(answer)
        self.seen.add(code)

    @staticmethod
    def _number(node):
        return float(NUMBER_RE.search(node.text_content()).group().replace(",", ""))

    def test_figures_equal_backend_and_portal(self):
        answer = self.api().rebate_summary({"past": 24})
        self.assertTrue(answer["ok"], answer)
        self.assertValid(answer)
        self.assertEqual(answer["api_version"], API_VERSION)
        self.assertEqual(answer["dealer_id"], self.dealer.id)
        self.assertEqual(answer["currency"], self.company.currency_id.name)
        self.assertEqual(answer["balance"], self.balance.amount)
        self.assertEqual(answer["balance"], 123.45)
        # the backend's record
        accrual = self.accrual
        [period] = answer["programmes"]
        self.assertEqual(period["accrual_id"], accrual.id)
        expected = {
            "volume": accrual.amount,
            "missing": accrual.missing,
            "next_threshold": accrual.next_threshold,
            "next_rate": accrual.next_rate,
            "rate": accrual.rate,
            "accrued": accrual.accrued_amount,
            "settled": accrual.settled_amount,
            "waiting": accrual.pending_amount,
            "available": accrual.to_settle_amount,
        }
        self.assertEqual({key: period[key] for key in expected}, expected)
        self.assertEqual(
            (period["volume"], period["missing"], period["accrued"]),
            (1734.56, 1265.44, 34.69),
        )
        self.assertEqual((period["settled"], period["available"]), (24.69, 10.0))
        self.assertEqual(
            (period["step_threshold"], period["period"]), (1000.0, accrual.period_label)
        )
        # the portal page of the dealer's buyer
        self.authenticate(self.buyer.login, self.buyer.login)
        response = self.url_open("/my/b2b/rebates")
        self.assertEqual(response.status_code, 200)
        tree = lxml_html.fromstring(response.text)
        [card] = tree.xpath('//*[@name="b2b_rebate_card"]')
        self.assertEqual(int(card.get("data-accrual-id")), period["accrual_id"])
        on_page = {
            "volume": "b2b_rebate_volume",
            "missing": "b2b_rebate_missing",
            "next_rate": "b2b_rebate_next_rate",
            "rate": "b2b_rebate_rate",
            "accrued": "b2b_rebate_accrued",
            "settled": "b2b_rebate_settled",
            "available": "b2b_rebate_available",
        }
        for key, name in on_page.items():
            with self.subTest(key=key):
                [node] = card.xpath(f'.//*[@name="{name}"]')
                self.assertEqual(self._number(node), period[key])
        # the past periods: the same rows, in the same order
        rows = tree.xpath('//*[@name="b2b_rebate_past_row"]')
        self.assertEqual(len(rows), len(answer["past"]))
        self.assertGreaterEqual(len(rows), 2)
        for row, past in zip(rows, answer["past"], strict=True):
            cells = row.xpath("./td")
            self.assertEqual(cells[1].text_content().strip(), past["period"])
            self.assertEqual(
                [self._number(cell) for cell in cells[2:]],
                [past["volume"], past["accrued"], past["settled"], past["available"]],
            )
        # the default answer lists no past period
        self.assertEqual(self.api().rebate_summary()["past"], [])

    def test_own_dealer_only(self):
        answer = self.api(self.erp_b).rebate_summary({})
        self.assertTrue(answer["ok"], answer)
        self.assertEqual(answer["balance"], 0.0)  # no balance of its own
        [period] = answer["programmes"]
        current = self._accruals(self.dealer_b).filtered(
            lambda a: a.period_end >= self.today
        )
        self.assertEqual(period["accrual_id"], current.id)
        # the top step: nothing missing, no next step
        self.assertEqual(
            (period["next_threshold"], period["next_rate"], period["missing"]),
            (False, False, False),
        )
        self.assertEqual((period["rate"], period["accrued"]), (3.5, 175.0))
        self.seen = set()
        self.assertCode(
            self.api(self.erp_b).rebate_summary({"dealer": self.dealer.id}),
            "FORBIDDEN_DEALER",
            "dealer",
        )

    def test_error_codes(self):
        self.seen = set()
        api = self.api()
        self.assertCode(api.rebate_summary({"x": 1}), "UNKNOWN_FIELD", "x")
        self.assertCode(api.rebate_summary({"dealer": "NOPE"}), "FORBIDDEN_DEALER")
        self.assertCode(api.rebate_summary({"dealer": 1.5}), "INVALID_TYPE")
        for past in ("3", 25, -1, True):
            self.assertCode(api.rebate_summary({"past": past}), "INVALID_TYPE", "past")
        self.assertCode(api.rebate_summary("x"), "INVALID_PAYLOAD")
        self.assertCode(api.rebate_summary({}, {}), "INVALID_PAYLOAD")
        self.assertCode(
            api.rebate_summary({"dealer": "AR-A\x00"}), "INVALID_PAYLOAD", "dealer"
        )
        brand = self._b2b_internal_user("ar_brand", f"base.group_user,{INTEGRATION}")
        brand.b2b_api_dealer_ids = self.dealer | self.dealer_b
        self.assertCode(self.api(brand).rebate_summary({}), "MISSING_FIELD", "dealer")
        by_code = self.api(brand).rebate_summary({"dealer": "ar-b"})
        self.assertEqual(by_code["dealer_id"], self.dealer_b.id)
        self.assertCode(self.api(self.buyer).rebate_summary({}), "NOT_INTEGRATION_USER")
        limited = self._erp("ar_erp_limited", self.dealer)
        limited.b2b_api_rate_limit = 1
        self.assertTrue(self.api(limited).rebate_summary({})["ok"])
        self.assertCode(self.api(limited).rebate_summary({}), "RATE_LIMITED")
        documented = set(merged_schema()["operations"]["rebate_summary"]["errors"])
        self.assertEqual(documented - self.seen, UNTRIGGERABLE)

    def test_companies_of_the_call(self):
        """A shared dealer's accruals in two companies: the call's companies
        only; a company the user may not work in is refused."""
        other = self.env["res.company"].create({"name": "AR Company 2"})
        programme = self._programme("API Quarterly C2", other)
        start, end = programme._b2b_period_of(self.today)
        # the accrual as the job writes it (no chart of accounts in the
        # second company to post its invoices)
        self.env["b2b.rebate.accrual"].create(
            {
                "programme_id": programme.id,
                "company_id": other.id,
                "currency_id": other.currency_id.id,
                "partner_id": self.dealer.id,
                "period_start": start,
                "period_end": end,
                "amount": 2000.0,
            }
        )
        mine = self.api().rebate_summary({})["programmes"]
        self.assertEqual([p["accrual_id"] for p in mine], self.accrual.ids)
        self.seen = set()
        self.assertCode(
            self.api()
            .with_context(allowed_company_ids=[self.company.id, other.id])
            .rebate_summary({}),
            "FORBIDDEN_DEALER",
        )
        self.erp.company_ids |= other
        both = (
            self.api()
            .with_context(allowed_company_ids=[self.company.id, other.id])
            .rebate_summary({})
        )
        self.assertEqual(
            sorted(p["programme"] for p in both["programmes"]),
            ["API Quarterly", "API Quarterly C2"],
        )
        only_other = (
            self.api().with_context(allowed_company_ids=[other.id]).rebate_summary({})
        )
        [period] = only_other["programmes"]
        self.assertEqual((period["volume"], period["accrued"]), (2000.0, 40.0))

    def test_query_count_constant(self):
        """A dealer with one period and a dealer with twelve quarters of
        history: the same number of queries."""
        big = self._dealer("AR Dealer Big", "AR-BIG")
        erp_big = self._erp("ar_erp_big", big)
        for months in range(0, 36, 3):
            day = self.today - datetime.timedelta(days=30 * months)
            for _i in range(3):
                self._invoice(big, 900.0, day)
            self.programme._b2b_compute(day=day)
        self.env.flush_all()
        counts = []
        for user in (self.erp_b, erp_big):
            for _warm in range(2):
                self.api(user).rebate_summary({"past": 24})
            self.env.invalidate_all()
            answer, queries = self._b2b_log_queries(
                self.api(user).rebate_summary, {"past": 24}
            )
            counts.append(len(queries))
            self.assertTrue(answer["ok"], answer)
        self.assertGreaterEqual(len(answer["past"]), 10)
        _logger.info("rebate_summary: %s queries (1 period), %s (12 periods)", *counts)
        self.assertEqual(counts[0], counts[1])
        # about half of them the API's frame (user, rate limit, companies,
        # the caller's dealers), the same for every operation
        self.assertLessEqual(counts[0], 25)
