# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import Command
from odoo.tests import tagged

from .common import B2bPricingSaleCommon

_logger = logging.getLogger(__name__)

SIZES = (2, 10, 100, 500)
MAX_QUERIES = 25


@tagged("post_install", "-at_install")
class TestQueryCount(B2bPricingSaleCommon):
    """Pricing an order costs the same number of queries for 2 or 500 lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        templates = cls.env["product.template"].create(
            [
                {
                    "name": f"B2B QC {index}",
                    "list_price": 100.0 + index,
                    "categ_id": cls.categ_shirts.id,
                    "taxes_id": [Command.clear()],
                }
                for index in range(max(SIZES))
            ]
        )
        cls.qc_products = templates.product_variant_id
        items = []
        for tmpl in templates:
            items += [
                {
                    "pricelist_id": cls.pl_silver.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": tmpl.id,
                    "compute_price": "fixed",
                    "fixed_price": 90.0,
                },
                {
                    "pricelist_id": cls.pl_silver.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": tmpl.id,
                    "compute_price": "percentage",
                    "percent_price": 15.0,
                    "min_quantity": 20,
                    "b2b_qty_scope": "template",
                },
            ]
        items.append(
            {
                "pricelist_id": cls.pl_silver.id,
                "applied_on": "2_product_category",
                "categ_id": cls.categ_apparel.id,
                "compute_price": "percentage",
                "percent_price": 25.0,
                "min_quantity": 5000,
                "b2b_qty_scope": "category",
            }
        )
        cls.env["product.pricelist.item"].create(items)
        cls.orders = {
            size: cls._b2b_order(
                cls.dealer, [(product, 10) for product in cls.qc_products[:size]]
            )
            for size in SIZES
        }

    def _count(self, func, cold=False):
        """Queries of ``func`` including the flush; ``cold`` empties the
        record cache first (ormcaches stay warm)."""
        self.env.flush_all()
        if cold:
            self.env.invalidate_all()
            # the current user and company are always loaded in a request
            self.env.user.read(["company_id", "partner_id", "lang"])
            self.env.company.read(["currency_id", "partner_id"])
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _change_one_line(self, order):
        def change():
            line = order.order_line[0]
            line.product_uom_qty = 30 if line.product_uom_qty != 30 else 10

        return change

    def test_query_count_constant(self):
        counts = {}
        for size, order in self.orders.items():
            self.assertEqual(len(order.order_line), size)
            self.assertEqual(order.order_line[1].price_unit, 90.0)
            change = self._change_one_line(order)
            # warm the caches (ormcache, prefetch) once
            self._count(change, cold=True)
            self._count(order._recompute_prices, cold=True)
            counts[size] = {
                # one quantity changes: every line of the order is repriced
                "change": self._count(change),
                # "Update prices": every line is repriced
                "update": self._count(order._recompute_prices),
                # next breaks shown on every line
                "next_break": self._count(
                    lambda o=order: o.order_line.mapped("b2b_next_break_info")
                ),
                # the same with an empty record cache
                "change_cold": self._count(change, cold=True),
                "update_cold": self._count(order._recompute_prices, cold=True),
            }
        _logger.info("b2b_pricing_sale query counts per order size: %s", counts)
        first = counts[SIZES[0]]
        for size, count in counts.items():
            self.assertEqual(count, first, f"{size} lines: {count} != {first}")
            for key in count:
                self.assertLessEqual(count[key], MAX_QUERIES, f"{size} lines: {key}")
        # the prices were really recomputed on all the lines
        order = self.orders[500]
        self.assertEqual(set(order.order_line[1:].mapped("price_unit")), {90.0})

    def test_cumulative_prices_of_large_order(self):
        """The break of every template counts the two lines of the template."""
        order = self.orders[500]
        self.assertEqual(
            order.order_line.mapped("b2b_price_source")[:2], ["tier", "tier"]
        )
        product = self.qc_products[0]
        order.order_line = [
            Command.create({"product_id": product.id, "product_uom_qty": 10})
        ]
        lines = order.order_line.filtered(lambda line: line.product_id == product)
        # 20 units of the template: 15 % off the list price
        self.assertEqual(lines.mapped("price_unit"), [85.0, 85.0])
        self.assertEqual(order.order_line[1].price_unit, 90.0)
