# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import new_test_user, tagged

from .common import B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiOperations(B2bApiCommon):
    def test_price_lines(self):
        res = self.api().price_lines({"lines": [{"sku": "API-PUMP", "quantity": 3}]})
        self.assertTrue(res["ok"], res)
        self.assertEqual(res["dealer_id"], self.dealer_a.id)
        self.assertEqual(res["lines"][0]["product_id"], self.product.id)
        self.assertEqual(res["lines"][0]["price_unit"], 100.0)
        json.dumps(res)

    def test_price_lines_errors(self):
        res = self.api().price_lines(
            {
                "lines": [
                    {"sku": "NOPE", "quantity": 1},
                    {"sku": "API-PUMP", "quantity": 0},
                ],
                "date": "yesterday",
            }
        )
        self.assertCodes(
            res, [("UNKNOWN_SKU", 0), ("INVALID_QUANTITY", 1), ("INVALID_DATE", None)]
        )

    def test_dealer_credit(self):
        self.dealer_a.credit_limit = 5000.0
        res = self.api().dealer_credit({"dealer": "API-A"})
        self.assertTrue(res["ok"], res)
        self.assertEqual(res["limit"], 5000.0)
        self.assertEqual(res["available"], 5000.0)
        self.assertFalse(res["on_hold"])
        json.dumps(res)

    def test_product_availability(self):
        res = self.api().product_availability(
            {"skus": ["API-PUMP", "API-VALVE"], "warehouses": [self.warehouse.code]}
        )
        self.assertTrue(res["ok"], res)
        pump, valve = res["lines"]
        self.assertEqual(pump["available"], 42.0)
        self.assertEqual(pump["warehouses"][0]["warehouse"], self.warehouse.code)
        self.assertEqual(valve["available"], 0.0)
        bad = self.api().product_availability({"skus": ["API-PUMP", "X-1"]})
        self.assertCodes(bad, [("UNKNOWN_SKU", 1)])

    def test_product_availability_query_count(self):
        skus = ["API-PUMP", "API-VALVE"]
        api = self.api()
        api.product_availability({"skus": skus})  # warm caches
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=20):
            api.product_availability({"skus": skus})

    def test_submit_order(self):
        before = self.orders()
        res = self.submit(
            "k-1",
            client_reference="PO-778",
            delivery_address_id=self.ship_a.id,
            requested_date="2099-01-31",
            note="Gate 3",
        )
        self.assertTrue(res["ok"], res)
        self.assertFalse(res["replayed"])
        order = self.env["sale.order"].browse(res["order_id"])
        self.assertEqual(self.orders(), before + 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_id, self.dealer_a)
        self.assertEqual(order.partner_shipping_id, self.ship_a)
        self.assertEqual(order.client_order_ref, "PO-778")
        self.assertEqual(str(order.commitment_date.date()), "2099-01-31")
        self.assertEqual(order.create_uid, self.user_a)
        self.assertEqual(res["amount_total"], 250.0)
        self.assertEqual(len(order.order_line), 2)
        json.dumps(res)

    def test_submit_idempotent(self):
        first = self.submit("same-key")
        second = self.submit("same-key")
        self.assertTrue(second["ok"], second)
        self.assertTrue(second["replayed"])
        self.assertEqual(first["order_id"], second["order_id"])
        self.assertEqual(
            self.env["b2b.api.idempotency"].search_count([("key", "=", "same-key")]),
            1,
        )
        # the key belongs to the user: another user's same key is another order
        other = self.submit("same-key", user=self.user_brand, dealer=self.dealer_a.id)
        self.assertTrue(other["ok"], other)
        self.assertNotEqual(other["order_id"], first["order_id"])
        # same key, other content: refused, nothing created
        before = self.orders()
        reused = self.submit("same-key", lines=[{"sku": "API-PUMP", "quantity": 9}])
        self.assertCodes(reused, [("IDEMPOTENCY_KEY_REUSED", None)])
        self.assertEqual(self.orders(), before)

    def test_submit_validation_every_line(self):
        before = self.orders()
        res = self.submit(
            "bad-1",
            lines=[
                {"sku": "NOPE", "quantity": 1},
                {"sku": "API-PUMP", "quantity": 0},
                {"sku": "API-PUMP", "quantity": -3},
                {"sku": "API-PUMP", "quantity": "2"},
                {"product_id": "12", "quantity": 1},
                {"quantity": 1},
                {"sku": "API-OLD", "quantity": 1},
                {"sku": "API-PUMP", "quantity": 1, "price_unit": 0.01},
                "not a dict",
                {"sku": "API-PUMP", "quantity": 1},
            ],
            delivery_address_id=self.ship_b.id,
            requested_date="2001-01-01",
        )
        self.assertCodes(
            res,
            [
                ("UNKNOWN_SKU", 0),
                ("INVALID_QUANTITY", 1),
                ("INVALID_QUANTITY", 2),
                ("INVALID_TYPE", 3),
                ("INVALID_TYPE", 4),
                ("MISSING_FIELD", 5),
                ("PRODUCT_UNAVAILABLE", 6),
                ("UNKNOWN_FIELD", 7),
                ("INVALID_TYPE", 8),
                ("INVALID_ADDRESS", None),
                ("INVALID_DATE", None),
            ],
        )
        self.assertEqual(self.orders(), before)
        self.assertFalse(
            self.env["b2b.api.idempotency"].search([("key", "=", "bad-1")])
        )
        # the key is free again for the corrected payload
        self.assertTrue(self.submit("bad-1")["ok"])

    def test_submit_missing_fields_and_types(self):
        self.assertCodes(
            self.api().submit_order({}),
            [("MISSING_FIELD", None), ("MISSING_FIELD", None)],
        )
        self.assertCodes(self.api().submit_order([1, 2]), [("INVALID_PAYLOAD", None)])
        self.assertCodes(
            self.api().submit_order({"idempotency_key": 5, "lines": "x"}),
            [("INVALID_TYPE", None), ("INVALID_TYPE", None)],
        )

    def test_submit_payload_too_large(self):
        before = self.orders()
        lines = [{"sku": "API-PUMP", "quantity": 1}] * 10000
        with self.assertQueryCount(__system__=20):
            res = self.submit("big", lines=lines)
        self.assertCodes(res, [("PAYLOAD_TOO_LARGE", None)])
        self.assertEqual(self.orders(), before)

    def test_submit_credit_blocked(self):
        self.dealer_a.credit_limit = 100.0
        self.tier.b2b_credit_policy_order = "block"
        before = self.orders()
        res = self.submit("credit-1")
        self.assertCodes(res, [("CREDIT_BLOCKED", None)])
        self.assertIn("API Dealer A", res["errors"][0]["message"])
        self.assertEqual(self.orders(), before)
        self.assertFalse(
            self.env["b2b.api.idempotency"].search([("key", "=", "credit-1")])
        )

    def test_submit_order_rule_refused(self):
        """A blocking order rule is not reported as a credit refusal."""
        self.env["b2b.order.rule"].create(
            {
                "name": "Pumps by 10",
                "applied_on": "product",
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "min_qty": 10,
                "mode": "block",
            }
        )
        before = self.orders()
        res = self.submit("rule-1")
        self.assertCodes(res, [("ORDER_REFUSED", None)])
        self.assertIn("10", res["errors"][0]["message"])
        self.assertEqual(self.orders(), before)

    def test_dealer_on_hold(self):
        manager = new_test_user(
            self.env,
            login="api_credit_manager",
            groups="base.group_user,b2b_credit.b2b_credit_group_manager",
        )
        self.dealer_a.with_user(manager)._b2b_credit_set_hold("Unpaid invoices")
        credit = self.api().dealer_credit()
        self.assertTrue(credit["on_hold"])
        self.assertEqual(credit["hold_reason"], "Unpaid invoices")
        before = self.orders()
        res = self.submit("hold-1")
        self.assertCodes(res, [("CREDIT_BLOCKED", None)])
        self.assertEqual(self.orders(), before)

    def test_submit_waits_for_approval(self):
        self._approval_rule()
        res = self.submit("big-order", lines=[{"sku": "API-PUMP", "quantity": 20}])
        self.assertTrue(res["ok"], res)
        self.assertEqual(res["state"], "draft")
        self.assertEqual(res["approval_state"], "pending")
        status = self.api().order_status({"order_id": res["order_id"]})
        self.assertEqual(status["approval"][0]["steps"][0]["name"], "Sales manager")
        self.assertEqual(status["approval"][0]["steps"][0]["state"], "pending")

    def test_submit_without_confirm(self):
        res = self.submit("quote-1", confirm=False)
        self.assertTrue(res["ok"], res)
        self.assertEqual(res["state"], "draft")

    def test_order_status(self):
        res = self.submit("status-1", client_reference="PO-9")
        order = self.env["sale.order"].browse(res["order_id"])
        order.picking_ids.move_ids.quantity = 2
        invoice = order._create_invoices()
        invoice.action_post()
        status = self.api().order_status({"client_reference": "PO-9"})
        self.assertTrue(status["ok"], status)
        self.assertEqual(status["order_id"], order.id)
        self.assertEqual(status["state"], "sale")
        self.assertEqual(len(status["deliveries"]), 1)
        self.assertIn("tracking_ref", status["deliveries"][0])
        self.assertEqual(status["invoices"][0]["amount_due"], invoice.amount_residual)
        self.assertEqual(len(status["lines"]), 2)
        json.dumps(status)
        invoices = self.api().open_invoices({})
        self.assertTrue(invoices["ok"], invoices)
        self.assertEqual([i["id"] for i in invoices["invoices"]], invoice.ids)
        self.assertEqual(invoices["amount_due"], invoice.amount_residual)
        json.dumps(invoices)

    def test_cancel_order(self):
        quote = self.submit("cancel-1", confirm=False)
        res = self.api().cancel_order({"order_id": quote["order_id"]})
        self.assertTrue(res["ok"], res)
        self.assertEqual(res["state"], "cancel")
        confirmed = self.submit("cancel-2")
        refused = self.api().cancel_order({"order_id": confirmed["order_id"]})
        self.assertCodes(refused, [("NOT_CANCELLABLE", None)])
        self.assertEqual(
            self.env["sale.order"].browse(confirmed["order_id"]).state, "sale"
        )

    def test_dealer_addresses(self):
        res = self.api().dealer_addresses()
        self.assertTrue(res["ok"], res)
        self.assertIn(self.ship_a.id, [a["id"] for a in res["addresses"]])
        self.assertNotIn(self.ship_b.id, [a["id"] for a in res["addresses"]])

    def test_messages_in_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.user_a.lang = "zh_CN"
        # as over RPC: no language in the context, the user's preference counts
        res = self.api().with_context(lang=None).submit_order({"lines": []})
        self.assertFalse(res["ok"])
        codes = {e["code"] for e in res["errors"]}
        self.assertEqual(codes, {"MISSING_FIELD"})
        messages = " ".join(e["message"] for e in res["errors"])
        self.assertIn("必填", messages)
        # a language that is not installed falls back to the user's
        res = self.api().with_context(lang="xx_XX").submit_order({"lines": []})
        self.assertIn("必填", res["errors"][0]["message"])

    def test_rate_limit(self):
        self.user_a.b2b_api_rate_limit = 3
        results = [self.api().dealer_credit() for _i in range(5)]
        self.assertEqual([r["ok"] for r in results], [True, True, True, False, False])
        self.assertEqual(results[3]["errors"][0]["code"], "RATE_LIMITED")
        self.assertGreater(results[3]["errors"][0]["retry_after"], 0)
        # another user has its own counter
        self.assertTrue(self.api(self.user_b).dealer_credit()["ok"])

    def test_old_submissions_are_cleaned(self):
        res = self.submit("old-key")
        submission = self.env["b2b.api.idempotency"].search([("key", "=", "old-key")])
        self.env.cr.execute(
            "UPDATE b2b_api_idempotency SET create_date = NOW() - INTERVAL '91 days'"
            " WHERE id = %s",
            submission.ids,
        )
        self.env.invalidate_all()
        self.env["b2b.api.idempotency"]._gc_b2b_api_idempotency()
        self.assertFalse(submission.exists())
        # the order stays
        self.assertTrue(self.env["sale.order"].browse(res["order_id"]).exists())
