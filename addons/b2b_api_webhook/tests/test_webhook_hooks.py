# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One hook per event, and what it costs."""

import json

from odoo import Command
from odoo.tests import tagged

from .common import B2bWebhookCommon


@tagged("post_install", "-at_install")
class TestWebhookHooks(B2bWebhookCommon):
    def sent(self, event_type):
        self.send()
        return [e for e in self.receiver.events() if e["type"] == event_type]

    def test_order_cancelled(self):
        order = self._b2b_order(self.dealer_a, [(self.product_2, 1)])
        order._action_cancel()
        [event] = self.sent("order.cancelled")
        self.assertEqual(event["data"]["order_id"], order.id)
        self.assertEqual(event["data"]["state"], "cancel")

    def test_approval_changed(self):
        approver = self._b2b_internal_user(
            "wh_approver", "base.group_user,sales_team.group_sale_manager"
        )
        self.env["b2b.approval.rule"].create(
            {
                "name": "Big webhook orders",
                "model_id": self.env["ir.model"]._get("sale.order").id,
                "domain": "[('amount_untaxed', '>', 1000)]",
                "auto_transition": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Sales manager",
                            "approver_type": "user",
                            "user_ids": [Command.set(approver.ids)],
                        }
                    )
                ],
            }
        )
        res = self.submit("wh-big", lines=[{"sku": "API-PUMP", "quantity": 20}])
        self.assertEqual(res["approval_state"], "pending")
        [event] = self.sent("order.approval_changed")
        self.assertEqual(event["data"]["approval"][0]["state"], "pending")
        order = self.env["sale.order"].browse(res["order_id"])
        request = order._b2b_approval_requests()
        request.with_user(approver).action_approve()
        self.receiver.reset()
        self.send()
        self.assertEqual(order.state, "sale")
        events = self.receiver.events()
        types = [e["type"] for e in events]
        self.assertEqual(types, ["order.approval_changed", "order.confirmed"])
        self.assertEqual(events[0]["data"]["approval"][0]["state"], "approved")

    def test_delivery_shipped(self):
        res = self.submit("wh-ship", lines=[{"sku": "API-PUMP", "quantity": 2}])
        order = self.env["sale.order"].browse(res["order_id"])
        picking = order.picking_ids
        picking.move_ids.quantity = 2
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        [event] = self.sent("delivery.shipped")
        self.assertEqual(event["data"]["order_id"], order.id)
        self.assertEqual(event["data"]["id"], picking.id)
        self.assertEqual(event["data"]["state"], "done")
        self.assertIn("tracking_ref", event["data"])
        status = self.api().order_status({"order_id": order.id})
        entry = dict(event["data"])
        entry.pop("order_id")
        self.assertEqual(entry, json.loads(json.dumps(status["deliveries"][0])))

    def test_invoice_posted_and_payment_received(self):
        order = self.confirmed_order(qty=4)
        invoice = order._create_invoices()
        invoice.action_post()
        [posted] = self.sent("invoice.posted")
        self.assertEqual(posted["data"]["id"], invoice.id)
        self.assertEqual(posted["data"]["amount_due"], invoice.amount_residual)
        entry = self.api().open_invoices({})["invoices"][0]
        self.assertEqual(posted["data"], json.loads(json.dumps(entry)))
        self.receiver.reset()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 15.0})._create_payments()
        self.assertIn(invoice.payment_state, ("partial", "in_payment", "paid"))
        [paid] = self.sent("payment.received")
        self.assertEqual(paid["data"]["id"], invoice.id)
        self.assertEqual(paid["data"]["payment_state"], invoice.payment_state)
        self.assertEqual(paid["data"]["amount_due"], invoice.amount_residual)

    def test_credit_hold_changed(self):
        self.dealer_a.with_user(self.credit_manager)._b2b_credit_set_hold("Unpaid")
        [held] = self.sent("credit.hold_changed")
        self.assertTrue(held["data"]["on_hold"])
        self.assertEqual(
            held["data"], json.loads(json.dumps(self.api().dealer_credit({})))
        )
        self.receiver.reset()
        self.dealer_a.with_user(self.credit_manager)._b2b_credit_release_hold("Paid")
        [released] = self.sent("credit.hold_changed")
        self.assertFalse(released["data"]["on_hold"])

    def test_only_subscribed_events(self):
        self.hook_a.event_types = "invoice.posted"
        self.confirmed_order()
        self.assertFalse(self.deliveries())

    def test_no_query_without_subscription(self):
        Webhook = self.env["b2b.api.webhook"]
        order_a = self._b2b_order(self.dealer_a, [(self.product_2, 1)])
        order_b = self._b2b_order(self.dealer_b, [(self.product_2, 1)])
        # what a confirmation has read already
        (order_a | order_b).partner_id.commercial_partner_id.mapped("name")
        Webhook._b2b_webhook_index()  # cached, as in a running worker
        # a dealer without subscription in a company with one
        with self.assertQueryCount(0):
            Webhook._b2b_webhook_emit_documents(
                "order.confirmed", order_b, "partner_id"
            )
        # no subscription at all
        self.hook_a.active = False
        Webhook._b2b_webhook_index()
        with self.assertQueryCount(0):
            Webhook._b2b_webhook_emit_documents(
                "order.confirmed", order_a, "partner_id"
            )
        self.assertFalse(self.deliveries())

    def test_confirmation_costs_at_most_two_queries(self):
        cr = self.env.cr

        def confirm_count(dealer):
            order = self._b2b_order(dealer, [(self.product_2, 1)])
            self.env.flush_all()
            self.env.invalidate_all()
            before = cr.sql_log_count
            order.action_confirm()
            self.env.flush_all()
            return cr.sql_log_count - before

        for dealer in (self.dealer_a, self.dealer_b):  # warm caches
            confirm_count(dealer)
        plain = confirm_count(self.dealer_b)  # no subscription
        watched = confirm_count(self.dealer_a)  # one subscription
        self.assertEqual(len(self.deliveries(event_type="order.confirmed")), 2)
        self.assertLessEqual(watched - plain, 2, (watched, plain))
