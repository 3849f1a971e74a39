# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiLines(B2bApiCommon):
    """Lines and products of a call: what the validator refuses, without a
    partial order, and at a cost that does not grow with the lines."""

    def test_quantity_finer_than_unit_refused(self):
        """A quantity the unit of measure rounds away (to zero or to another
        quantity) is refused, never ordered as something else."""
        before = self.orders()
        self.assertEqual(self.product.uom_id.rounding, 0.01)
        res = self.submit(
            "qty-1",
            lines=[
                {"sku": "API-PUMP", "quantity": 0.001},
                {"sku": "API-PUMP", "quantity": 1.234},
                {"sku": "API-PUMP", "quantity": 2.5},
            ],
        )
        self.assertCodes(res, [("INVALID_QUANTITY", 0), ("INVALID_QUANTITY", 1)])
        self.assertEqual(self.orders(), before)
        res = self.submit("qty-2", lines=[{"sku": "API-PUMP", "quantity": 2.5}])
        self.assertTrue(res["ok"], res)
        order = self.env["sale.order"].browse(res["order_id"])
        self.assertEqual(order.order_line.product_uom_qty, 2.5)

    def test_duplicate_sku_prefers_orderable_product(self):
        """A SKU shared by an archived product and an active one orders the
        active one (in submit and price_lines); two orderable products with
        the same SKU are an AMBIGUOUS_SKU error."""
        self.env["product.product"].create(
            {"name": "AAA old pump", "default_code": "API-DUP", "active": False}
        )
        active = self.env["product.product"].create(
            {"name": "ZZZ pump", "default_code": "API-DUP", "list_price": 7.0}
        )
        lines = [{"sku": "API-DUP", "quantity": 1}]
        res = self.submit("dup-1", lines=lines)
        self.assertTrue(res["ok"], res)
        order = self.env["sale.order"].browse(res["order_id"])
        self.assertEqual(order.order_line.product_id, active)
        prices = self.api().price_lines({"lines": lines})
        self.assertTrue(prices["ok"], prices)
        self.assertEqual(prices["lines"][0]["product_id"], active.id)
        self.env["product.product"].create(
            {"name": "MMM pump", "default_code": "API-DUP"}
        )
        res = self.submit("dup-2", lines=lines)
        self.assertCodes(res, [("AMBIGUOUS_SKU", 0)])

    def test_combo_product_refused(self):
        """A combo product needs its choices (one line per item): an API line
        cannot give them, so it is refused instead of ordered empty."""
        combo = self.env["product.combo"].create(
            {
                "name": "API combo",
                "combo_item_ids": [Command.create({"product_id": self.product_2.id})],
            }
        )
        self.env["product.product"].create(
            {
                "name": "API kit",
                "default_code": "API-KIT",
                "type": "combo",
                "combo_ids": [Command.set(combo.ids)],
            }
        )
        before = self.orders()
        res = self.submit("combo-1", lines=[{"sku": "API-KIT", "quantity": 1}])
        self.assertCodes(res, [("PRODUCT_UNAVAILABLE", 0)])
        self.assertEqual(self.orders(), before)

    def test_validation_queries_do_not_grow_with_lines(self):
        """Validation looks every product up at once: no query per line."""
        api = self.api()

        def queries(count):
            lines = [
                {"sku": "API-PUMP", "quantity": 1},
                {"product_id": self.product_2.id, "quantity": 1},
            ] * count + [{"sku": "NOPE", "quantity": 1}]
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            res = api.submit_order({"idempotency_key": f"q-{count}", "lines": lines})
            self.assertCodes(res, [("UNKNOWN_SKU", 2 * count)])
            return self.env.cr.sql_log_count - start

        queries(1)  # warm the caches
        self.assertEqual(queries(50), queries(2))

    def test_nul_and_invalid_unicode_refused(self):
        """Texts PostgreSQL cannot store are refused, not an INTERNAL_ERROR."""
        before = self.orders()
        good = [{"sku": "API-PUMP", "quantity": 1}]
        for payload in (
            {"idempotency_key": "k\x00", "lines": good},
            {"idempotency_key": "k-\ud800", "lines": good},
            {"idempotency_key": "nul-1", "lines": [{"sku": "A\x00", "quantity": 1}]},
            {"idempotency_key": "nul-2", "lines": [{"sku": "\udfff", "quantity": 1}]},
            {"idempotency_key": "nul-3", "lines": good, "client_reference": "x\x00"},
            {"idempotency_key": "nul-4", "lines": good, "note": "n\x00"},
        ):
            res = self.api().submit_order(payload)
            self.assertFalse(res["ok"], res)
            codes = {e["code"] for e in res["errors"]}
            self.assertEqual(codes, {"INVALID_PAYLOAD"}, res)
        self.assertEqual(self.orders(), before)
        res = self.api().order_status({"client_reference": "a\x00"})
        self.assertCodes(res, [("INVALID_PAYLOAD", None)])
        res = self.api().product_availability({"skus": ["\x00"]})
        self.assertCodes(res, [("INVALID_PAYLOAD", None)])

    def test_order_id_out_of_range(self):
        """Ids PostgreSQL cannot compare are not found, not an error."""
        for order_id in (2**31, 10**30, -(10**30)):
            res = self.api().order_status({"order_id": order_id})
            self.assertCodes(res, [("NOT_FOUND", None)])
            res = self.api().cancel_order({"order_id": order_id})
            self.assertCodes(res, [("NOT_FOUND", None)])
