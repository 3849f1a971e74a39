# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged

from .common import B2bPricingCommon


@tagged("post_install", "-at_install")
class TestCumulativePricing(B2bPricingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pl = cls.Pricelist.create({"name": "B2B Breaks"})

    def _prices(self, lines, **kwargs):
        return [res["price"] for res in self._price_cart(self.pl, lines, **kwargs)]

    def test_line_scope_is_odoo_default(self):
        """Per line, 30 red + 30 blue do not reach the 50 break."""
        rule = self._rule(self.pl, self.shirt_tmpl, 60.0, min_qty=50)
        self.assertEqual(rule.b2b_qty_scope, "line")
        self.assertEqual(
            self._prices([(self.shirt_red, 30), (self.shirt_blue, 30)]), [100.0, 100.0]
        )
        # identical to Odoo's own per-line computation
        for product, qty in ((self.shirt_red, 30), (self.shirt_red, 50)):
            self.assertEqual(
                self._prices([(product, qty)])[0],
                self.pl._get_product_price(product, qty),
            )

    def test_template_scope(self):
        """30 red + 30 blue shirts reach the 'template: 50 or more' break."""
        rule = self._rule(self.pl, self.shirt_tmpl, 60.0, min_qty=50, scope="template")
        results = self._price_cart(
            self.pl, [(self.shirt_red, 30), (self.shirt_blue, 30), (self.cap, 30)]
        )
        self.assertEqual([r["price"] for r in results], [60.0, 60.0, 50.0])
        self.assertEqual(results[0]["rule"], rule)
        self.assertEqual(results[0]["scoped_qty"], 60.0)
        self.assertFalse(results[2]["rule"])
        # below the break, the next break is announced
        results = self._price_cart(
            self.pl, [(self.shirt_red, 20), (self.shirt_blue, 24)]
        )
        self.assertEqual([r["price"] for r in results], [100.0, 100.0])
        self.assertEqual(results[0]["next_qty"], 6.0)
        self.assertEqual(results[0]["next_price"], 60.0)
        self.assertEqual(results[0]["next_rule"], rule)

    def test_category_scope(self):
        """A category rule counts every product of the category and below."""
        self._rule(self.pl, self.categ_apparel, 40.0, min_qty=100, scope="category")
        prices = self._prices(
            [
                (self.shirt_red, 40),
                (self.cap, 30),
                (self.shirt_blue, 30),
                (self.mug, 50),
            ]
        )
        self.assertEqual(prices, [40.0, 40.0, 40.0, 20.0])
        prices = self._prices([(self.shirt_red, 40), (self.cap, 30), (self.mug, 50)])
        self.assertEqual(prices, [100.0, 50.0, 20.0])

    def test_category_scope_on_product_rule(self):
        """On a product rule, 'category' counts the product's own category."""
        self._rule(self.pl, self.cap, 45.0, min_qty=20, scope="category")
        cap2 = self._create_product("B2B Cap 2", 55.0, self.categ_caps, "B2B-CAP2")
        prices = self._prices([(self.cap, 10), (cap2, 10), (self.shirt_red, 50)])
        self.assertEqual(prices, [45.0, 55.0, 100.0])

    def test_order_scope(self):
        self._rule(self.pl, False, 10.0, min_qty=100, scope="order")
        self.assertEqual(
            self._prices([(self.shirt_red, 50), (self.mug, 50)]), [10.0, 10.0]
        )
        self.assertEqual(
            self._prices([(self.shirt_red, 50), (self.mug, 49)]), [100.0, 20.0]
        )

    def test_uom_conversion(self):
        """2 dozen + 30 units = 54 units: the 50 break applies, priced per dozen."""
        self._rule(self.pl, self.shirt_tmpl, 60.0, min_qty=50, scope="template")
        results = self._price_cart(
            self.pl, [(self.shirt_red, 2, self.uom_dozen), (self.shirt_blue, 30)]
        )
        self.assertEqual(results[0]["scoped_qty"], 54.0)
        self.assertAlmostEqual(results[0]["price"], 720.0)  # 60 x 12
        self.assertEqual(results[1]["price"], 60.0)
        # below the break, the next break is expressed in the line's unit
        results = self._price_cart(
            self.pl, [(self.shirt_red, 2, self.uom_dozen), (self.shirt_blue, 10)]
        )
        self.assertEqual(results[0]["next_qty"], 1.34)  # 16 units, rounded up
        self.assertEqual(results[1]["next_qty"], 16.0)

    def test_priority_and_best_break(self):
        """Odoo's rule order is kept: the highest reached break wins."""
        self._rule(self.pl, self.shirt_tmpl, 90.0, min_qty=10, scope="template")
        self._rule(self.pl, self.shirt_tmpl, 80.0, min_qty=50, scope="template")
        self._rule(self.pl, self.shirt_red, 75.0, min_qty=100)
        self.assertEqual(
            self._prices([(self.shirt_red, 5), (self.shirt_blue, 5)]), [90.0, 90.0]
        )
        self.assertEqual(
            self._prices([(self.shirt_red, 30), (self.shirt_blue, 30)]), [80.0, 80.0]
        )
        self.assertEqual(
            self._prices([(self.shirt_red, 100), (self.shirt_blue, 1)]), [75.0, 80.0]
        )
        res = self._price_cart(self.pl, [(self.shirt_red, 30), (self.shirt_blue, 10)])
        self.assertEqual((res[0]["next_qty"], res[0]["next_price"]), (10.0, 80.0))

    def test_validity_dates(self):
        now = fields.Datetime.now()
        self._rule(
            self.pl,
            self.shirt_tmpl,
            60.0,
            min_qty=50,
            scope="template",
            date_start=now - timedelta(days=1),
            date_end=now + timedelta(days=1),
        )
        lines = [(self.shirt_red, 30), (self.shirt_blue, 30)]
        self.assertEqual(self._prices(lines, date=now), [60.0, 60.0])
        self.assertEqual(
            self._prices(lines, date=now + timedelta(days=3)), [100.0, 100.0]
        )
        self.assertEqual(
            self._prices(lines, date=now - timedelta(days=3)), [100.0, 100.0]
        )

    def test_currency(self):
        """Percentage rules on the list price convert to the pricelist currency."""
        other = self.env["res.currency"].create(
            {"name": "B2X", "symbol": "X", "rounding": 0.01}
        )
        day = datetime(2026, 1, 15)
        self.env["res.currency.rate"].create(
            {
                "currency_id": other.id,
                "rate": 2.0 * self.currency.rate,
                "name": "2026-01-01",
                "company_id": self.company.id,
            }
        )
        pl_other = self.Pricelist.create({"name": "B2B X", "currency_id": other.id})
        self._rule(
            pl_other,
            self.shirt_tmpl,
            compute_price="percentage",
            percent_price=10.0,
            min_qty=50,
            scope="template",
        )
        results = self._price_cart(
            pl_other, [(self.shirt_red, 30), (self.shirt_blue, 30)], date=day
        )
        expected = self.currency._convert(100.0, other, self.company, day, round=False)
        self.assertAlmostEqual(results[0]["price"], expected * 0.9, places=2)
        self.assertAlmostEqual(results[1]["price"], expected * 0.9, places=2)

    def test_empty_pricelist_and_cart(self):
        self.assertEqual(self.pl._b2b_compute_cart([]), {})
        results = self._price_cart(self.Pricelist, [(self.shirt_red, 3)])
        self.assertEqual(results[0]["price"], 100.0)
        self.assertFalse(results[0]["rule"])

    def test_other_pricelist_base_next_break(self):
        """Next break of formulas based on another pricelist: priced in the
        batch too (no query per line)."""
        public = self.Pricelist.create({"name": "B2B Public Base NB"})
        self._rule(public, self.categ_caps, 50.0)
        self._rule(public, self.categ_caps, 40.0, min_qty=20)
        for discount, min_qty in ((10.0, 0.0), (20.0, 10.0)):
            self._rule(
                self.pl,
                False,
                compute_price="formula",
                base="pricelist",
                base_pricelist_id=public.id,
                price_discount=discount,
                min_qty=min_qty,
            )
        res = self._price_cart(self.pl, [(self.cap, 2)], next_break=True)[0]
        self.assertAlmostEqual(res["price"], 45.0)
        self.assertAlmostEqual(res["next_qty"], 8.0)
        self.assertAlmostEqual(res["next_price"], 40.0)
        # the same as Odoo's own per-line computation at that quantity
        self.assertAlmostEqual(
            res["next_price"], self.pl._get_product_price(self.cap, 10)
        )
        caps = self.env["product.product"].create(
            [
                {"name": f"B2B Cap NB {i}", "categ_id": self.categ_caps.id}
                for i in range(30)
            ]
        )
        counts = []
        few = [(cap, 2) for cap in caps[:3]]
        for cart in (few, [(cap, 2) for cap in caps], few):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            results = self._price_cart(self.pl, cart, next_break=True)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual({r["next_qty"] for r in results}, {8.0})
        self.assertEqual(counts[1], counts[2], counts)

    def test_other_pricelist_base(self):
        """Formulas based on another pricelist: one query per pricelist."""
        public = self.Pricelist.create({"name": "B2B Public Base"})
        self._rule(public, self.categ_apparel, 100.0)
        self._rule(public, self.categ_apparel, 80.0, min_qty=50, scope="template")
        self._rule(
            self.pl,
            False,
            compute_price="formula",
            base="pricelist",
            base_pricelist_id=public.id,
            price_discount=10.0,
        )
        lines = [(self.shirt_red, 30), (self.shirt_blue, 30), (self.cap, 5)]
        self.assertEqual(self._prices(lines), [72.0, 72.0, 90.0])
        # the same as Odoo's own per-line computation for one line
        self.assertEqual(
            self._prices([(self.shirt_red, 60)])[0],
            self.pl._get_product_price(self.shirt_red, 60),
        )
        # queries: the same for 3 and 30 lines (no query per line)
        caps = self.env["product.product"].create(
            [
                {"name": f"B2B Cap {i}", "categ_id": self.categ_caps.id}
                for i in range(30)
            ]
        )
        counts = []
        few = [(cap, 2) for cap in caps[:3]]
        for cart in (few, [(cap, 2) for cap in caps], few):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._prices(cart)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2], counts)
