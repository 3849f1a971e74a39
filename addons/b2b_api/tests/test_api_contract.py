# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The answers say what docs/API.md says: keys, values, formats, language,
companies, order numbers and the version of every answer."""

import re
from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from ..models.b2b_api import API_VERSION, api_operations
from .common import INTEGRATION, B2bApiCommon

ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OPERATIONS = {
    "price_lines",
    "dealer_credit",
    "product_availability",
    "submit_order",
    "order_status",
    "cancel_order",
    "open_invoices",
    "dealer_addresses",
}


@tagged("post_install", "-at_install")
class TestApiContract(B2bApiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "API Contract B"})
        cls.dealer_c = cls._dealer("API Dealer C", "API-C")
        cls.dealer_c.company_id = cls.company_b
        # a brand-side user of the main company linked to a dealer of B only
        cls.user_c = cls._b2b_internal_user(
            "api_contract_c",
            f"base.group_user,{INTEGRATION}",
            name="Brand EDI C",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_c.b2b_api_dealer_ids = cls.dealer_c
        cls.sequence = cls.env["ir.sequence"].search(
            [
                ("code", "=", "sale.order"),
                ("company_id", "in", (cls.company.id, False)),
            ],
            order="company_id",
            limit=1,
        )

    def _number(self, name):
        """The number of an order name of the sale.order sequence."""
        prefix = self.sequence.prefix or ""
        self.assertTrue(name.startswith(prefix), name)
        return int(name[len(prefix) :])

    # 1. order_status and cancel_order carry the submit_order keys
    def test_status_and_cancel_carry_submit_keys(self):
        res = self.submit("keys-1", confirm=False)
        self.assertEqual(res["idempotency_key"], "keys-1")
        self.assertIs(res["replayed"], False)
        status = self.api().order_status({"order_id": res["order_id"]})
        self.assertEqual(status["idempotency_key"], "keys-1")
        self.assertIs(status["replayed"], False)
        for key in res:
            self.assertIn(key, status)
        cancelled = self.api().cancel_order({"order_id": res["order_id"]})
        self.assertTrue(cancelled["ok"], cancelled)
        self.assertEqual(cancelled["idempotency_key"], "keys-1")
        self.assertIs(cancelled["replayed"], False)
        self.assertEqual(set(cancelled), set(res))
        # an order not submitted through the API: no key
        order = self.env["sale.order"].create({"partner_id": self.dealer_a.id})
        status = self.api().order_status({"order_id": order.id})
        self.assertIs(status["idempotency_key"], False)
        self.assertIs(status["replayed"], False)

    # 2. no approval: false, not "none"
    def test_approval_state_false_without_approval(self):
        res = self.submit("appr-1")
        self.assertTrue(res["ok"], res)
        self.assertIs(res["approval_state"], False)
        status = self.api().order_status({"order_id": res["order_id"]})
        self.assertIs(status["approval_state"], False)
        self.assertEqual(status["approval"], [])

    # 3. companies: FORBIDDEN_DEALER, never FORBIDDEN or MISSING_FIELD
    def test_context_company_not_allowed_is_forbidden_dealer(self):
        api = self.api(self.user_brand).with_context(
            allowed_company_ids=[self.company_b.id]
        )
        for op in ("dealer_credit", "open_invoices", "dealer_addresses"):
            for payload in ({}, {"dealer": "API-A"}):
                res = getattr(api, op)(payload)
                self.assertCodes(res, [("FORBIDDEN_DEALER", None)])
                self.assertNotIn("unauthorized", res["errors"][0]["message"])
        before = self.orders()
        res = api.submit_order(
            {"idempotency_key": "mc-ctx", "lines": [{"sku": "API-PUMP", "quantity": 1}]}
        )
        self.assertCodes(res, [("FORBIDDEN_DEALER", None)])
        self.assertEqual(self.orders(), before)
        # malformed company ids are refused the same way
        res = self.api().with_context(allowed_company_ids="x").dealer_credit({})
        self.assertCodes(res, [("FORBIDDEN_DEALER", None)])
        # the user's own company in the context works
        res = self.api().with_context(allowed_company_ids=self.company.ids)
        self.assertTrue(res.dealer_credit({})["ok"])

    def test_only_dealer_outside_companies_is_forbidden_dealer(self):
        """No dealer given, the only linked dealer is of a company the user
        may not use: FORBIDDEN_DEALER, not "you act for 0 dealers"."""
        api = self.api(self.user_c)
        for op in ("dealer_credit", "open_invoices", "dealer_addresses"):
            self.assertCodes(getattr(api, op)({}), [("FORBIDDEN_DEALER", None)])
        res = self.submit("mc-none", user=self.user_c)
        self.assertCodes(res, [("FORBIDDEN_DEALER", None)])
        # several usable dealers and none given: the field is missing
        self.assertCodes(
            self.api(self.user_brand).dealer_credit({}), [("MISSING_FIELD", None)]
        )

    # 4. language: the call's context first, then the user's
    def test_context_lang_before_user_lang(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        confirmed = self.submit("lang-ok")
        self.assertEqual(confirmed["state"], "sale", confirmed)
        self.dealer_a.credit_limit = 1.0
        self.tier.b2b_credit_policy_order = "block"

        def messages(user, lang):
            api = self.api(user).with_context(lang=lang)
            results = [
                api.submit_order({"lines": []}),
                api.submit_order(
                    {
                        "idempotency_key": f"lang-{lang}",
                        "lines": [{"sku": "API-PUMP", "quantity": 1}],
                    }
                ),
                api.cancel_order({"order_id": confirmed["order_id"]}),
                api.price_lines({"lines": [{"sku": "NOPE", "quantity": 1}]}),
            ]
            return [" ".join(e["message"] for e in r["errors"]) for r in results]

        self.user_a.lang = "zh_CN"
        english = messages(self.user_a, "en_US")
        self.assertIn("is required", english[0])
        self.assertIn("Credit limit", english[1])  # b2b_credit's message
        self.assertIn("Sales Order", english[2])  # Odoo's state label
        self.assertIn("Unknown", english[3])  # the pricing service's
        for message in english:
            self.assertFalse(re.search(r"[\u4e00-\u9fff]", message), message)
        # no language in the context (as over RPC): the user's
        self.assertIn("必填", messages(self.user_a, None)[0])
        # the other way round
        self.user_a.lang = "en_US"
        chinese = messages(self.user_a, "zh_CN")
        self.assertIn("必填", chinese[0])
        self.assertIn("信用额度", chinese[1])
        for message in chinese:
            self.assertTrue(re.search(r"[\u4e00-\u9fff]", message), message)
        # a language not installed: the user's
        self.assertIn("is required", messages(self.user_a, "xx_XX")[0])

    def test_context_en_us_when_english_is_archived(self):
        """A database set up in Chinese may have English archived: en_US,
        the language of the source texts, is still the context's choice
        (the former code then fell back to the user's zh_CN)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.user_a.lang = "zh_CN"
        Lang = type(self.env["res.lang"])
        with patch.object(
            Lang, "get_installed", lambda self: [("zh_CN", "Chinese (Simplified)")]
        ):
            res = self.api().with_context(lang="en_US").submit_order({"lines": []})
            self.assertIn("is required", res["errors"][0]["message"])
            res = self.api().with_context(lang=None).submit_order({"lines": []})
            self.assertIn("必填", res["errors"][0]["message"])

    # 5. a refused submission draws no number and names no order
    def test_refused_submit_keeps_numbering(self):
        first = self.submit("num-1")
        self.assertTrue(first["ok"], first)
        self.env["b2b.order.rule"].create(
            {
                "name": "Pumps by 10",
                "applied_on": "product",
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "min_qty": 10,
                "mode": "block",
            }
        )
        refused = self.submit("num-2")
        self.assertCodes(refused, [("ORDER_REFUSED", None)])
        self.env["b2b.order.rule"].search([]).unlink()
        self.dealer_a.credit_limit = 1.0
        self.tier.b2b_credit_policy_order = "block"
        blocked = self.submit("num-3")
        self.assertCodes(blocked, [("CREDIT_BLOCKED", None)])
        self.assertIn("API Dealer A", blocked["errors"][0]["message"])
        # a quotation refused at its creation (quotation credit policy)
        self.tier.b2b_credit_policy_quotation = "block"
        quotation = self.submit("num-q", confirm=False)
        self.assertCodes(quotation, [("CREDIT_BLOCKED", None)])
        self.tier.b2b_credit_policy_quotation = "none"
        prefix = re.escape(self.sequence.prefix or "S")
        for res in (refused, blocked, quotation):
            message = res["errors"][0]["message"]
            self.assertFalse(re.search(prefix + r"\d", message), message)
            self.assertNotIn(first["name"], message)
        self.tier.b2b_credit_policy_order = "none"
        second = self.submit("num-4")
        self.assertTrue(second["ok"], second)
        self.assertEqual(self._number(second["name"]), self._number(first["name"]) + 1)
        order = self.env["sale.order"].browse(second["order_id"])
        self.assertEqual(order.picking_ids.origin, second["name"])

    def test_waiting_order_has_its_number_everywhere(self):
        """An order waiting for approval has its number before its request
        is made: the request and the approvers' activity name it."""
        self._approval_rule()
        res = self.submit("num-wait", lines=[{"sku": "API-PUMP", "quantity": 20}])
        self.assertEqual(res["approval_state"], "pending", res)
        order = self.env["sale.order"].browse(res["order_id"])
        self.assertEqual(order.name, res["name"])
        self.assertEqual(order._b2b_approval_requests().res_name, res["name"])
        self.assertNotEqual(res["name"], "This order")

    # 6. one format per kind: dates YYYY-MM-DD, datetimes ISO 8601 UTC
    def test_date_formats(self):
        res = self.submit("dates-1", requested_date="2099-01-02")
        order = self.env["sale.order"].browse(res["order_id"])
        for move in order.picking_ids.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        order.picking_ids.button_validate()
        invoice = order._create_invoices()
        invoice.action_post()
        status = self.api().order_status({"order_id": res["order_id"]})
        self.assertEqual(status["requested_date"], "2099-01-02")
        self.assertRegex(status["date_order"], ISO_DATETIME)
        delivery = status["deliveries"][0]
        self.assertRegex(delivery["scheduled_date"], ISO_DATETIME)
        self.assertRegex(delivery["date_done"], ISO_DATETIME)
        self.assertRegex(status["invoices"][0]["invoice_date"], ISO_DATE)
        self.assertRegex(status["invoices"][0]["due_date"], ISO_DATE)
        invoices = self.api().open_invoices({})
        self.assertRegex(invoices["invoices"][0]["due_date"], ISO_DATE)
        prices = self.api().price_lines(
            {"lines": [{"sku": "API-PUMP", "quantity": 1}], "date": "2099-01-02"}
        )
        self.assertEqual(prices["date"], "2099-01-02T00:00:00Z")
        # what comes out goes back in
        again = self.api().price_lines(
            {"lines": [{"sku": "API-PUMP", "quantity": 1}], "date": prices["date"]}
        )
        self.assertTrue(again["ok"], again)
        self.assertEqual(again["date"], prices["date"])

    def test_approval_decision_date_format(self):
        self._approval_rule()
        res = self.submit("dates-2", lines=[{"sku": "API-PUMP", "quantity": 20}])
        order = self.env["sale.order"].browse(res["order_id"])
        request = order._b2b_approval_requests()
        request.with_user(self.env.ref("base.user_admin")).action_approve()
        status = self.api().order_status({"order_id": res["order_id"]})
        step = status["approval"][0]["steps"][0]
        self.assertRegex(step["decision_date"], ISO_DATETIME)

    # 7 (model side). only the operations are callable
    def test_operations_and_unknown_names(self):
        operations = api_operations(type(self.env["b2b.api"]))
        self.assertLessEqual(OPERATIONS, operations)
        for name in ("search", "read", "web_read", "get_views", "_b2b_api_run"):
            self.assertNotIn(name, operations)
        res = self.api()._b2b_api_rpc_refusal("_b2b_api_run", "UNKNOWN_OPERATION")
        self.assertCodes(res, [("UNKNOWN_OPERATION", None)])
        self.assertEqual(res["api_version"], API_VERSION)
        self.assertIn("submit_order", res["errors"][0]["message"])
        res = self.api().submit_order({}, {"second": 1})
        self.assertCodes(res, [("INVALID_PAYLOAD", None)])
        res = self.api().dealer_credit({}, unknown=1)
        self.assertCodes(res, [("INVALID_PAYLOAD", None)])

    # 8. the version in every answer
    def test_every_answer_carries_the_version(self):
        quote = self.submit("ver-1", confirm=False)
        good = {
            "price_lines": {"lines": [{"sku": "API-PUMP", "quantity": 1}]},
            "dealer_credit": {},
            "product_availability": {"skus": ["API-PUMP"]},
            "submit_order": {
                "idempotency_key": "ver-2",
                "lines": [{"sku": "API-PUMP", "quantity": 1}],
            },
            "order_status": {"order_id": quote["order_id"]},
            "cancel_order": {"order_id": quote["order_id"]},
            "open_invoices": {},
            "dealer_addresses": {},
        }
        self.assertEqual(set(good), OPERATIONS)
        for op, payload in good.items():
            ok = getattr(self.api(), op)(payload)
            self.assertTrue(ok["ok"], (op, ok))
            self.assertEqual(ok["api_version"], API_VERSION, op)
            error = getattr(self.api(), op)({"dealer": "NO-SUCH-DEALER"})
            self.assertFalse(error["ok"], (op, error))
            self.assertEqual(error["api_version"], API_VERSION, op)
            plain = getattr(self.api(self.portal_plain), op)(payload)
            self.assertCodes(plain, [("NOT_INTEGRATION_USER", None)])
            self.assertEqual(plain["api_version"], API_VERSION, op)
        replay = self.submit("ver-1", confirm=False)
        self.assertTrue(replay["replayed"])
        self.assertEqual(replay["api_version"], API_VERSION)
        self.assertRegex(API_VERSION, r"^\d+\.\d+$")
