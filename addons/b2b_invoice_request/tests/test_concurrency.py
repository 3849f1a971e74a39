# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import TAX_ID


@tagged("post_install", "-at_install")
class TestConcurrentRequests(TransactionCase):
    """Two transactions request the same delivered quantity at once: the
    second waits for the first one's lock, fails to serialize once the first
    commits (what Odoo retries), and its retry is refused.

    This test works on committed data (two real cursors), and removes it.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            partner = env["res.partner"].create(
                {"name": "B2B invoice request race", "is_company": True}
            )
            product = env["product.product"].create(
                {"name": "B2B race service", "type": "service", "list_price": 10.0}
            )
            order = env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": 5})
                    ],
                }
            )
            order.action_confirm()
            order.order_line.qty_delivered = 5
            profile = env["b2b.invoice.profile"].create(
                {"dealer_id": partner.id, "name": "Race Co.", "tax_id": TAX_ID}
            )
            self.rec_ids = {
                "partner": partner.id,
                "product": product.id,
                "order": order.id,
                "line": order.order_line.id,
                "profile": profile.id,
            }
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["b2b.invoice.request"].search(
                [("dealer_id", "=", self.rec_ids["partner"])]
            ).unlink()
            order = env["sale.order"].browse(self.rec_ids["order"])
            order._action_cancel()
            order.unlink()
            env["b2b.invoice.profile"].browse(self.rec_ids["profile"]).unlink()
            env["product.product"].browse(self.rec_ids["product"]).unlink()
            env["res.partner"].browse(self.rec_ids["partner"]).unlink()

    def _create(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        return env["b2b.invoice.request"]._b2b_create_request(
            env["res.partner"].browse(self.rec_ids["partner"]),
            env["b2b.invoice.profile"].browse(self.rec_ids["profile"]),
            {self.rec_ids["line"]: 5.0},
        )

    def test_two_transactions(self):
        outcome = {}
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            env_b = api.Environment(cr_b, SUPERUSER_ID, {})
            line_b = env_b["sale.order.line"].browse(self.rec_ids["line"])
            # B's snapshot starts here: it sees the 5 requestable units
            self.assertEqual(line_b.b2b_invoice_requestable_qty, 5)
            self.assertTrue(self._create(cr_a))  # A holds the line's lock

            def request_b():
                try:
                    with mute_logger("odoo.sql_db"):
                        outcome["b"] = self._create(cr_b)
                except (SerializationFailure, UserError) as error:
                    outcome["b"] = error

            thread = threading.Thread(target=request_b)
            thread.start()
            time.sleep(0.5)
            self.assertTrue(thread.is_alive(), "B waits for A's lock")
            cr_a.commit()
            thread.join(30)
            self.assertIsInstance(outcome["b"], SerializationFailure)
            # what Odoo's retry does: run B again in a fresh transaction
            cr_b.rollback()
            env_b.invalidate_all()
            with self.assertRaisesRegex(UserError, "already requested"):
                self._create(cr_b)
            cr_b.rollback()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            requests = env["b2b.invoice.request"].search(
                [("dealer_id", "=", self.rec_ids["partner"])]
            )
            self.assertEqual(len(requests), 1)
            line = env["sale.order.line"].browse(self.rec_ids["line"])
            self.assertEqual(line.b2b_invoice_requested_qty, 5)
            self.assertEqual(line.b2b_invoice_requestable_qty, 0)
