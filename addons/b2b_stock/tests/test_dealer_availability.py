# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bStockCommon


@tagged("post_install", "-at_install")
class TestDealerAvailability(B2bStockCommon):
    """The one answer of what a dealer sees of the stock: per product and
    warehouse, the figure, its state and the text the company chose."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.pump, cls.wh1, 150)
        cls._stock(cls.pump, cls.wh2, 4)

    def _answer(self, products=None):
        products = products or self.pump | self.valve | self.service
        return products._b2b_dealer_availability(self.dealer, self.company)

    def test_exact(self):
        answer = self._answer()
        pump = answer[self.pump.id]
        self.assertTrue(pump["is_storable"])
        self.assertEqual(pump["available"], 154)
        self.assertEqual((pump["state"], pump["display"]), ("in", "154"))
        self.assertFalse(pump["incoming_date"])
        by_code = {w["code"]: w for w in pump["warehouses"]}
        self.assertEqual(by_code["B2BS"]["available"], 4)
        self.assertEqual(by_code["B2BS"]["state"], "low")
        self.assertEqual(by_code["B2BS"]["display"], "4")
        self.assertEqual(by_code["B2BS"]["name"], "B2B South")
        self.assertEqual(by_code[self.wh1.code]["warehouse_id"], self.wh1.id)
        valve = answer[self.valve.id]
        self.assertEqual((valve["available"], valve["state"]), (0, "out"))
        self.assertEqual(valve["display"], "0")
        service = answer[self.service.id]
        self.assertFalse(service["is_storable"])
        self.assertEqual((service["state"], service["display"]), ("none", ""))
        self.assertEqual({w["state"] for w in service["warehouses"]}, {"none"})

    def test_formatting(self):
        company = self.company
        self.assertEqual(company._b2b_stock_display_text(1234.0, "in"), "1,234")
        self.assertEqual(company._b2b_stock_display_text(2.5, "low"), "2.50")
        self.assertEqual(company._b2b_stock_display_text(-3, "out"), "0")

    def test_bands(self):
        self.company.write(
            {
                "b2b_stock_display": "bands",
                "b2b_stock_low_threshold": 5,
                "b2b_stock_band_cap": 100,
            }
        )
        company = self.company
        cases = [
            (-2, "Out of stock", "out"),
            (0, "Out of stock", "out"),
            (4.5, "Low stock", "low"),
            (5, "In stock", "in"),
            (99, "In stock", "in"),
            (100, "≥ 100", "in"),
            (5000, "≥ 100", "in"),
        ]
        for qty, text, state in cases:
            with self.subTest(qty=qty):
                self.assertEqual(company._b2b_stock_state(qty, 5), state)
                self.assertEqual(company._b2b_stock_display_text(qty, state), text)
        answer = self._answer()[self.pump.id]
        self.assertEqual(answer["display"], "≥ 100")
        by_code = {w["code"]: w for w in answer["warehouses"]}
        self.assertEqual(by_code["B2BS"]["display"], "Low stock")
        self.assertEqual(by_code[self.wh1.code]["display"], "≥ 100")
        self.assertEqual(self._answer()[self.valve.id]["display"], "Out of stock")
        # no cap: in stock
        self.company.b2b_stock_band_cap = 0
        self.assertEqual(self._answer()[self.pump.id]["display"], "In stock")

    def test_translated(self):
        """The text is in the user's language (the catalogue's terms)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.company.b2b_stock_display = "bands"
        company = self.company.with_context(lang="zh_CN")
        self.assertEqual(company._b2b_stock_display_text(0, "out"), "缺货")
        self.assertEqual(company._b2b_stock_display_text(3, "low"), "库存紧张")
        self.assertEqual(
            self.company.with_context(lang="en_US")._b2b_stock_display_text(0, "out"),
            "Out of stock",
        )

    def test_oversold_is_nothing(self):
        """A warehouse with more reserved than on hand shows 0, and does not
        take from the others' sum."""
        quant = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.pump.id),
                ("location_id", "=", self.wh2.lot_stock_id.id),
            ]
        )
        quant.sudo().reserved_quantity = 6
        answer = self._answer(self.pump)[self.pump.id]
        by_code = {w["code"]: w for w in answer["warehouses"]}
        self.assertEqual(by_code["B2BS"]["available"], 0)
        self.assertEqual(answer["available"], 150)

    def test_query_count_flat(self):
        """1 or 50 products over 5 warehouses: the same number of queries."""
        self.env["stock.warehouse"].create(
            [{"name": f"B2B Extra {i}", "code": f"BX{i}"} for i in range(3)]
        )
        self.assertEqual(len(self._company_warehouses()), 5)
        products = self.env["product.product"].create(
            [
                {"name": f"Stock Bulk {i}", "is_storable": True, "type": "consu"}
                for i in range(50)
            ]
        )
        for product in products[:10]:
            self._stock(product, self.wh2, 20)

        def count(records):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            # the language of a request (else Odoo's formatting reads the
            # company's partner for it)
            records = records.with_context(lang="en_US")
            answer = records._b2b_dealer_availability(self.dealer, self.company)
            self.assertEqual(len(answer), len(records))
            self.assertEqual(len(answer[records[0].id]["warehouses"]), 5)
            return self.env.cr.sql_log_count - start

        count(products)  # warm the registry caches (languages, precisions)
        small, large = count(products[:1]), count(products)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 5)

    def test_as_the_dealer_s_portal_user(self):
        """The portal and the API call it as the dealer's user (a portal
        user reads no warehouse, quant or product): the same answer."""
        buyer = self._b2b_buyer(self.dealer, "stk_buyer", ("purchaser",))
        products = (self.pump | self.valve | self.service).with_user(buyer)
        answer = products._b2b_dealer_availability(
            self.dealer, self.company.with_user(buyer)
        )
        self.assertEqual(answer, self._answer())
        self.assertEqual(answer[self.pump.id]["available"], 154)
