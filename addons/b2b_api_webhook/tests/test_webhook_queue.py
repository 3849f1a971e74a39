# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The queue against a real HTTP receiver: signature, retries, order per
dealer, rollback, at-least-once with one event id, isolation."""

import json
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from odoo.addons.b2b_api.models.b2b_api import API_VERSION

from .common import B2bWebhookCommon, verify


@tagged("post_install", "-at_install")
class TestWebhookQueue(B2bWebhookCommon):
    def sent_orders(self):
        return [
            (e["dealer"]["id"], e["data"]["order_id"]) for e in self.receiver.events()
        ]

    def test_signed_event_with_order_status(self):
        order = self.confirmed_order()
        [delivery] = self.deliveries(event_type="order.confirmed")
        self.assertEqual(delivery.state, "pending")
        self.assertFalse(
            delivery.payload, "built when first sent, not in the order's transaction"
        )
        self.assertFalse(
            self.receiver.requests, "nothing is sent inside the transaction"
        )
        self.assertEqual(self.send(), 1)
        [request] = self.receiver.requests
        self.assertEqual(request["path"], "/hook")
        self.assertTrue(verify(request, self.hook_a.secret))
        self.assertFalse(verify(request, "another secret"))
        headers = request["headers"]
        self.assertEqual(headers["X-B2B-Event"], "order.confirmed")
        self.assertEqual(headers["X-B2B-Delivery"], delivery.event_id)
        body = json.loads(request["body"])
        self.assertEqual(body["id"], delivery.event_id)
        self.assertEqual(body["type"], "order.confirmed")
        self.assertEqual(body["api_version"], API_VERSION)
        self.assertRegex(body["created"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertEqual(body["dealer"], {"id": self.dealer_a.id, "code": "API-A"})
        # the same answer as order_status for the subscription's user
        status = self.api(self.user_a).order_status({"order_id": order.id})
        self.assertEqual(body["data"], json.loads(json.dumps(status)))
        self.assertEqual(body["data"]["state"], "sale")
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.last_status, 200)
        self.assertEqual(delivery.attempts, 1)
        self.assertTrue(delivery.sent_date)
        # a tampered body fails the check
        tampered = dict(request, body=request["body"].replace(b"sale", b"cancel"))
        self.assertFalse(verify(tampered, self.hook_a.secret))

    def test_retry_after_500_same_event_id(self):
        self.confirmed_order()
        [delivery] = self.deliveries()
        self.receiver.plan = [500]
        start = fields.Datetime.now()
        self.send()
        self.assertEqual(delivery.state, "pending")
        self.assertEqual(delivery.attempts, 1)
        self.assertEqual(delivery.last_status, 500)
        self.assertIn("HTTP 500", delivery.last_error)
        self.assertGreaterEqual(delivery.next_attempt, start + timedelta(seconds=59))
        self.assertEqual(self.send(), 0, "not due before its back-off")
        with freeze_time(delivery.next_attempt + timedelta(seconds=1)):
            self.send()
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.attempts, 2)
        first, second = self.receiver.requests
        self.assertEqual(first["body"], second["body"], "a retry sends the same body")
        self.assertEqual(
            first["headers"]["X-B2B-Delivery"], second["headers"]["X-B2B-Delivery"]
        )
        self.assertTrue(verify(second, self.hook_a.secret))

    def test_retry_after_timeout(self):
        self.env["ir.config_parameter"].set_param("b2b_api_webhook.timeout", "0.5")
        self.confirmed_order()
        [delivery] = self.deliveries()
        self.receiver.plan = [("sleep", 2.0)]
        self.send()
        self.assertEqual(delivery.state, "pending")
        self.assertEqual(delivery.last_status, 0)
        self.assertIn("timed out", delivery.last_error)
        with freeze_time(delivery.next_attempt + timedelta(seconds=1)):
            self.send()
        self.assertEqual(delivery.state, "done")
        # at least once: the receiver got the event twice, with one id
        ids = {r["headers"]["X-B2B-Delivery"] for r in self.receiver.requests}
        self.assertEqual(len(self.receiver.requests), 2)
        self.assertEqual(ids, {delivery.event_id})

    def test_backoff_then_failed_after_24h(self):
        Delivery = self.Delivery
        self.assertEqual(
            [Delivery._b2b_webhook_backoff(n) for n in range(1, 9)],
            [60, 120, 240, 480, 960, 1920, 3600, 3600],
        )
        self.confirmed_order()
        [delivery] = self.deliveries()
        self.receiver.plan = [503] * 3
        self.send()
        with freeze_time(delivery.event_date + timedelta(hours=23, minutes=58)):
            self.send()
            self.assertEqual(delivery.state, "pending", "retried for 24 hours")
        with freeze_time(delivery.event_date + timedelta(hours=24, minutes=30)):
            self.send()
        self.assertEqual(delivery.state, "failed")
        self.assertEqual(delivery.attempts, 3)
        # replay: the same event (id, body) is sent again, then done
        delivery.with_user(self.admin).action_b2b_replay()
        self.assertEqual(delivery.state, "pending")
        self.send()
        self.assertEqual(delivery.state, "done")
        bodies = {r["body"] for r in self.receiver.requests}
        self.assertEqual(len(bodies), 1)

    def test_order_per_dealer(self):
        self.hook_a.active = False
        hook_brand = self.Webhook.create(
            {"name": "EDI", "user_id": self.user_brand.id, "url": self.receiver.url}
        )
        first = self.confirmed_order()
        second = self.confirmed_order(qty=3)
        other = self.confirmed_order(self.dealer_b)
        brand = self.deliveries(subscription_id=hook_brand.id)
        self.assertEqual(
            brand.mapped("res_id"), [first.id, second.id, other.id], "queued in order"
        )
        # the first event of dealer A fails: the second of dealer A waits,
        # dealer B's line goes on
        self.receiver.plan = [500]
        self.send()
        sent = [
            (e["dealer"]["id"], e["data"]["order_id"]) for e in self.receiver.events()
        ]
        self.assertEqual(
            sent, [(self.dealer_a.id, first.id), (self.dealer_b.id, other.id)]
        )
        with freeze_time(fields.Datetime.now() + timedelta(minutes=5)):
            self.send()
        sent = [
            (e["dealer"]["id"], e["data"]["order_id"]) for e in self.receiver.events()
        ]
        self.assertEqual(
            sent[2:], [(self.dealer_a.id, first.id), (self.dealer_a.id, second.id)]
        )
        self.assertEqual(set(brand.mapped("state")), {"done"})

    def test_rolled_back_transaction_writes_no_event(self):
        order = self._b2b_order(self.dealer_a, [(self.product_2, 1)])
        with self.assertRaises(ZeroDivisionError):
            with self.env.cr.savepoint():
                order.action_confirm()
                self.assertTrue(self.deliveries())
                raise ZeroDivisionError
        self.assertFalse(self.deliveries())
        self.assertEqual(self.send(), 0)
        self.assertFalse(self.receiver.requests)
        # a refused API call (credit block) rolls its event back too
        self.dealer_a.with_user(self.credit_manager)._b2b_credit_set_hold("Unpaid")
        self.Delivery.search([]).unlink()
        res = self.submit("rolled-back")
        self.assertEqual(res["errors"][0]["code"], "CREDIT_BLOCKED")
        self.assertFalse(self.deliveries(event_type="order.confirmed"))

    def test_other_dealers_never_delivered(self):
        self.confirmed_order(self.dealer_b)
        self.assertFalse(self.deliveries(), "user A is not linked to dealer B")
        # unlinked after the event was queued: never sent
        self.confirmed_order()
        [delivery] = self.deliveries()
        self.user_a.b2b_api_dealer_ids = self.dealer_b.browse()
        self.send()
        self.assertEqual(delivery.state, "failed")
        self.assertIn("may not", delivery.last_error)
        self.assertFalse(self.receiver.requests)
        # and the index follows the links: no new event for user A
        self.confirmed_order()
        self.assertEqual(len(self.deliveries()), 1)

    def test_other_company_never_delivered(self):
        company_2 = self.env["res.company"].create({"name": "Webhook Co 2"})
        dealer_2 = self._dealer("Co2 Dealer", "API-C2")
        dealer_2.company_id = company_2
        self.user_brand.write(
            {
                "company_ids": [(4, company_2.id)],
                "b2b_api_dealer_ids": [(4, dealer_2.id)],
            }
        )
        self.Webhook.create(
            {"name": "EDI", "user_id": self.user_brand.id, "url": self.receiver.url}
        )
        product = self._b2b_product("Co2 valve", "CO2-V", company_id=company_2.id)
        order = (
            self.env["sale.order"]
            .with_company(company_2)
            .create(
                {
                    "partner_id": dealer_2.id,
                    "company_id": company_2.id,
                    "order_line": [(0, 0, {"product_id": product.id})],
                }
            )
        )
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(
            self.deliveries(res_id=order.id), "the subscription is of the first company"
        )

    def test_one_head_per_dealer_line(self):
        self.confirmed_order()
        self.confirmed_order(qty=5)
        self.confirmed_order(self.dealer_b)
        heads = self.Delivery._b2b_webhook_lock_heads(10, fields.Datetime.now())
        self.assertEqual(len(heads), 1, "dealer A's line only; B is not linked")
        self.assertEqual(heads, self.deliveries()[:1])
