# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bPortalCommon, B2bPortalHttpCommon

#: B2B-CAP typed with a Chinese input method in full-width mode
FULL_WIDTH_CAP = "Ｂ２Ｂ－ＣＡＰ"


@tagged("post_install", "-at_install")
class TestSkuLookup(B2bPortalCommon):
    """SKUs are found whatever their case and width, in the one product
    lookup of the pricing service (quick order, CSV upload and API alike);
    the typeahead proposes orderable products only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # two products whose SKUs differ only by case
        cls.dup_upper = cls._create_product(
            "B2B Dup Upper", 10.0, cls.categ_other, "B2B-DUP"
        )
        cls.dup_lower = cls._create_product(
            "B2B Dup Lower", 10.0, cls.categ_other, "b2b-dup"
        )
        cls.mug.barcode = "6901234500017"

    def setUp(self):
        super().setUp()
        self.QuickOrder = self.env["b2b.quick.order"].with_user(self.a_buyer)
        self.Service = self.env["b2b.pricing.service"].with_user(self.a_buyer)

    def _check(self, sku):
        """The verdict of the one line validator on ``sku`` (as the pricing
        service runs it for the portal user's dealer)."""
        return self.Service.sudo()._b2b_check_lines([{"sku": sku, "quantity": 5.0}])[0]

    def test_upper_lower_full_width(self):
        for sku in (
            "B2B-CAP",
            "b2b-cap",
            "B2b-Cap",
            FULL_WIDTH_CAP,
            f"  {FULL_WIDTH_CAP} ",
        ):
            with self.subTest(sku=sku):
                check = self._check(sku)
                self.assertTrue(check["ok"], check["error"])
                self.assertEqual(check["product"], self.cap)
                validation = self.QuickOrder._b2b_validate(
                    [{"line": 1, "sku": sku, "qty": "5"}]
                )
                entry = validation["entries"][0]
                self.assertFalse(entry["error"])
                self.assertEqual(entry["product"], self.cap)
                self.assertEqual(entry["price_unit"], 50.0)
        # the API path: price_products answers with the product's own SKU
        result = self.Service.price_products(
            self.dealer_a.id, [{"sku": "b2b-shirt-red", "quantity": 2}]
        )
        self.assertTrue(result["ok"])
        self.assertEqual(result["lines"][0]["product_id"], self.shirt_red.id)
        self.assertEqual(result["lines"][0]["price_unit"], 90.0)

    def test_exact_match_wins_then_ambiguous(self):
        self.assertEqual(self._check("B2B-DUP")["product"], self.dup_upper)
        self.assertEqual(self._check("b2b-dup")["product"], self.dup_lower)
        for sku in ("B2b-Dup", "Ｂ２Ｂ－ＤＵＰ"):
            with self.subTest(sku=sku):
                check = self._check(sku)
                self.assertFalse(check["ok"])
                self.assertEqual(check["code"], "AMBIGUOUS_SKU")
        self.assertEqual(self._check("B2B-NOPE")["code"], "UNKNOWN_SKU")

    def test_archived_exact_does_not_hide_insensitive(self):
        archived = self._create_product(
            "B2B Old Cap", 10.0, self.categ_other, "b2b-cap"
        )
        archived.active = False
        self.assertEqual(self._check("b2b-cap")["product"], self.cap)
        # with only archived matches, the product is reported as archived
        self.assertEqual(self._check("b2b-old")["code"], "PRODUCT_UNAVAILABLE")
        self.assertIn("archived", self._check("b2b-old")["error"])
        # an insensitive match among one orderable and one archived product
        self.dup_lower.active = False
        self.assertEqual(self._check("B2b-Dup")["product"], self.dup_upper)

    def test_same_product_spelled_differently_is_one_row(self):
        validation = self.QuickOrder._b2b_validate(
            [
                {"line": 1, "sku": "b2b-cap", "qty": "3"},
                {"line": 2, "sku": "B2B-MUG", "qty": "6"},
                {"line": 3, "sku": FULL_WIDTH_CAP, "qty": "2"},
                {"line": 4, "product_id": self.mug.id, "qty": "6"},
            ]
        )
        self.assertEqual(len(validation["entries"]), 2)
        cap, mug = validation["entries"]
        self.assertEqual(cap["lines"], [1, 3])
        self.assertEqual(cap["quantity"], 5.0)
        self.assertFalse(cap["error"], "3 + 2 caps reach the minimum of 5")
        self.assertEqual(mug["lines"], [2, 4])
        self.assertEqual(mug["quantity"], 12.0)
        self.assertEqual(validation["amount"], 5 * 50.0 + 12 * 20.0)

    def test_next_break_on_the_row(self):
        validation = self.QuickOrder._b2b_validate(
            [{"line": 1, "sku": "b2b-shirt-red", "qty": "45"}]
        )
        entry = validation["entries"][0]
        self.assertEqual(entry["price_unit"], 90.0)
        self.assertEqual(entry["next_break"], {"quantity": 5.0, "price_unit": 60.0})
        validation = self.QuickOrder._b2b_validate(
            [{"line": 1, "sku": "B2B-SHIRT-RED", "qty": "50"}]
        )
        self.assertEqual(validation["entries"][0]["price_unit"], 60.0)
        self.assertFalse(validation["entries"][0]["next_break"])

    def test_suggest(self):
        suggestions = self.QuickOrder._b2b_suggest("b2b-c")
        self.assertEqual(suggestions[0]["sku"], "B2B-CAP")
        self.assertEqual(suggestions[0]["name"], "B2B Cap")
        self.assertEqual(suggestions[0]["product_id"], self.cap.id)
        # by name, typed in full width, and by barcode
        self.assertIn(
            "B2B-MUG", [s["sku"] for s in self.QuickOrder._b2b_suggest("ｍｕｇ")]
        )
        self.assertEqual(
            [s["sku"] for s in self.QuickOrder._b2b_suggest("690123450")], ["B2B-MUG"]
        )
        # only what the dealer may order, at most 8
        skus = [s["sku"] for s in self.QuickOrder._b2b_suggest("B2B")]
        self.assertNotIn("B2B-OLD", skus)
        self.assertNotIn("B2B-NOSALE", skus)
        self.assertLessEqual(len(skus), 8)
        for index in range(10):
            self._create_product(
                f"B2B Extra {index}", 1.0, self.categ_other, f"B2B-X{index}"
            )
        self.assertEqual(len(self.QuickOrder._b2b_suggest("B2B-X")), 8)
        self.assertEqual(self.QuickOrder._b2b_suggest("B"), [])
        with self.assertRaises(UserError):
            self.env["b2b.quick.order"].with_user(self.a_approver)._b2b_suggest("B2B")


@tagged("post_install", "-at_install")
class TestQuickOrderRoutes(B2bPortalHttpCommon):
    """The JSON routes of the quick order as the buyer types, and the rows
    kept between pages."""

    def test_lookup_insensitive_with_next_break(self):
        self.authenticate("pa_buyer", "pa_buyer")
        result = self.make_jsonrpc_request(
            "/my/b2b/quick_order/lookup", {"sku": "b2b-shirt-red", "qty": "45"}
        )
        self.assertTrue(result["ok"])
        self.assertEqual(result["sku"], "B2B-SHIRT-RED")
        self.assertEqual(result["price_unit"], 90.0)
        self.assertEqual(result["subtotal"], 4050.0)
        self.assertEqual(result["next_break"], {"quantity": 5.0, "price_unit": 60.0})
        result = self.make_jsonrpc_request(
            "/my/b2b/quick_order/lookup", {"product_id": self.cap.id, "qty": "5"}
        )
        self.assertEqual(result["sku"], "B2B-CAP")
        self.assertEqual(result["subtotal"], 250.0)

    def test_suggest_route(self):
        self.authenticate("pa_buyer", "pa_buyer")
        result = self.make_jsonrpc_request(
            "/my/b2b/quick_order/suggest", {"term": "b2b-m"}
        )
        self.assertEqual([s["sku"] for s in result], ["B2B-MUG"])
        self.assertEqual(
            self.make_jsonrpc_request("/my/b2b/quick_order/suggest", {"term": 3}), []
        )

    def test_price_rows_as_typed_and_kept(self):
        self.authenticate("pa_buyer", "pa_buyer")
        rows = [
            {"key": 1, "sku": "b2b-cap", "qty": "3"},
            {"key": 2, "sku": FULL_WIDTH_CAP, "qty": "2"},
            {"key": 3, "sku": "B2B-SHIRT-RED", "qty": "45"},
            {"key": 4, "sku": "B2B-NOPE", "qty": "1"},
        ]
        result = self.make_jsonrpc_request("/my/b2b/quick_order/price", {"rows": rows})
        self.assertTrue(result["ok"])
        self.assertEqual(result["rows"]["1"]["lines"], [1, 2])
        self.assertEqual(result["rows"]["1"]["subtotal"], 250.0)
        self.assertEqual(result["rows"]["2"], {"merged_into": 1})
        self.assertEqual(
            result["rows"]["3"]["next_break"], {"quantity": 5.0, "price_unit": 60.0}
        )
        self.assertIn("Unknown product B2B-NOPE", result["rows"]["4"]["error"])
        self.assertEqual(result["amount"], 250.0 + 45 * 90.0)
        self.assertEqual((result["valid"], result["invalid"]), (2, 1))
        # the rows are the buyer's order in progress: shown again
        html = self.url_open("/my/b2b/quick_order").text
        self.assertIn('value="b2b-cap"', html)
        self.assertIn('value="5"', html)
        self.assertIn('value="B2B-SHIRT-RED"', html)
        self.assertIn("5 more for", html)
        self.assertIn("Unknown product B2B-NOPE", html)
        # not to a colleague
        self.authenticate("pa_buyer2", "pa_buyer2")
        self.assertNotIn("B2B-SHIRT-RED", self.url_open("/my/b2b/quick_order").text)

    def test_rows_cleared_by_order_creation(self):
        self.authenticate("pa_buyer", "pa_buyer")
        self.make_jsonrpc_request(
            "/my/b2b/quick_order/price",
            {"rows": [{"key": 1, "sku": "B2B-MUG", "qty": "6"}]},
        )
        response = self._post(
            "/my/b2b/quick_order/check",
            {"sku_0": "B2B-MUG", "qty_0": "6", "line_0": "1", "action": "create"},
        )
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.a_buyer.partner_id.id)], order="id desc", limit=1
        )
        self.assertIn(f"/my/orders/{order.id}", response.url)
        self.assertEqual(order.order_line.product_id, self.mug)
        self.assertNotIn('value="B2B-MUG"', self.url_open("/my/b2b/quick_order").text)

    def test_clear_rows(self):
        self.authenticate("pa_buyer", "pa_buyer")
        self.make_jsonrpc_request(
            "/my/b2b/quick_order/price",
            {"rows": [{"key": 1, "sku": "B2B-MUG", "qty": "6"}]},
        )
        self.assertIn('id="b2b_qo_clear"', self.url_open("/my/b2b/quick_order").text)
        response = self._post("/my/b2b/quick_order/check", {"action": "clear"})
        self.assertNotIn('value="B2B-MUG"', response.text)
        self.assertNotIn('id="b2b_qo_clear"', response.text)
