# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

from openpyxl import Workbook

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bPortalCommon


@tagged("post_install", "-at_install")
class TestQuickOrder(B2bPortalCommon):
    """Rows from the keyboard, a paste or a file, validated all at once."""

    def setUp(self):
        super().setUp()
        self.QuickOrder = self.env["b2b.quick.order"].with_user(self.a_buyer)

    def _by_line(self, validation):
        return {entry["lines"][0]: entry for entry in validation["entries"]}

    def test_paste_parsing(self):
        rows = self.QuickOrder._b2b_rows_from_text(
            "SKU\tQuantity\nB2B-CAP\t5\n\n  B2B-MUG ; 6 \nB2B-SHIRT-RED,2\n"
        )
        self.assertEqual(
            rows,
            [
                {"line": 2, "sku": "B2B-CAP", "qty": "5"},
                {"line": 4, "sku": "B2B-MUG", "qty": "6"},
                {"line": 5, "sku": "B2B-SHIRT-RED", "qty": "2"},
            ],
        )

    def test_each_error_kind_with_line_numbers(self):
        rows = self.QuickOrder._b2b_rows_from_text(
            "\n".join(
                [
                    "B2B-SHIRT-RED\t2",  # 1 valid
                    "NOPE-404\t1",  # 2 unknown
                    "B2B-OLD\t1",  # 3 archived
                    "B2B-NOSALE\t1",  # 4 not sold
                    "B2B-SHIRT-BLUE\tabc",  # 5 quantity format
                    "B2B-SHIRT-BLUE\t0",  # 6 quantity zero
                    "B2B-CAP\t3",  # 7 below the minimum of 5
                    "B2B-MUG\t7",  # 8 not a multiple of 6
                    "\t4",  # 9 missing SKU
                ]
            )
        )
        validation = self.QuickOrder._b2b_validate(rows)
        entries = self._by_line(validation)
        self.assertEqual(validation["valid"], 1)
        self.assertEqual(validation["invalid"], 8)
        self.assertFalse(entries[1]["error"])
        self.assertEqual(entries[1]["product"], self.shirt_red)
        self.assertEqual(entries[1]["price_unit"], 90.0)
        self.assertEqual(entries[1]["subtotal"], 180.0)
        self.assertIn("Unknown product NOPE-404", entries[2]["error"])
        self.assertIn("archived", entries[3]["error"])
        self.assertIn("cannot be sold", entries[4]["error"])
        self.assertIn("abc", entries[5]["error"])
        self.assertIn("not a number greater than zero", entries[6]["error"])
        self.assertIn("minimum order quantity is 5", entries[7]["error"])
        self.assertIn("multiples of 6", entries[8]["error"])
        self.assertIn("SKU is missing", entries[9]["error"])

    def test_duplicates_merged(self):
        rows = self.QuickOrder._b2b_rows_from_text("B2B-CAP\t3\nB2B-MUG\t6\nB2B-CAP\t2")
        validation = self.QuickOrder._b2b_validate(rows)
        self.assertEqual(len(validation["entries"]), 2)
        cap = validation["entries"][0]
        self.assertEqual(cap["lines"], [1, 3])
        self.assertEqual(cap["quantity"], 5.0)
        self.assertFalse(cap["error"], "3 + 2 caps reach the minimum of 5")
        self.assertEqual(validation["invalid"], 0)

    def test_csv_file(self):
        content = "sku;quantity\nB2B-CAP;5\nB2B-NOPE;1\n".encode("utf-8-sig")
        rows = self.QuickOrder._b2b_rows_from_file("order.csv", content)
        validation = self.QuickOrder._b2b_validate(rows)
        entries = self._by_line(validation)
        self.assertFalse(entries[2]["error"])
        self.assertIn("Unknown product", entries[3]["error"])

    def test_gb18030_csv_file(self):
        # the Chinese SKU column title is a header, whatever the user's language
        self.env["res.lang"]._activate_lang("zh_CN")
        content = "货号,数量\nB2B-CAP,5\n".encode("gb18030")
        for lang in ("en_US", "zh_CN"):
            rows = self.QuickOrder.with_context(lang=lang)._b2b_rows_from_file(
                "order.csv", content
            )
            self.assertEqual(rows, [{"line": 2, "sku": "B2B-CAP", "qty": "5"}])

    def test_xlsx_file(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["sku", "quantity"])
        sheet.append(["B2B-MUG", 12])
        sheet.append(["B2B-MUG", 1.5])
        output = io.BytesIO()
        workbook.save(output)
        rows = self.QuickOrder._b2b_rows_from_file("order.xlsx", output.getvalue())
        self.assertEqual([row["line"] for row in rows], [2, 3])
        validation = self.QuickOrder._b2b_validate(rows)
        mug = validation["entries"][0]
        self.assertEqual(mug["lines"], [2, 3])
        self.assertIn("multiples of 6", mug["error"])
        template = self.QuickOrder._b2b_template_xlsx()
        self.assertEqual(
            self.QuickOrder._b2b_rows_from_file("t.xlsx", template)[0]["sku"],
            "SKU-001",
        )

    def test_file_limits(self):
        with self.assertRaisesRegex(UserError, "too large"):
            self.QuickOrder._b2b_rows_from_file(
                "big.csv", b"B2B-CAP,5\n" * (2 * 1024 * 1024 // 10 + 1)
            )
        with self.assertRaisesRegex(UserError, "at most 5000 rows"):
            self.QuickOrder._b2b_rows_from_file("many.csv", b"B2B-CAP,5\n" * 5001)
        with self.assertRaisesRegex(UserError, "Unsupported file type"):
            self.QuickOrder._b2b_rows_from_file("order.pdf", b"%PDF")
        with self.assertRaisesRegex(UserError, "not a valid XLSX"):
            self.QuickOrder._b2b_rows_from_file("order.xlsx", b"not a zip")

    def test_create_draft_order_with_valid_rows(self):
        validation = self.QuickOrder._b2b_validate(
            self.QuickOrder._b2b_rows_from_text("B2B-CAP\t5\nB2B-NOPE\t1\nB2B-MUG\t12")
        )
        order = self.QuickOrder._b2b_create_order(validation["entries"])
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.partner_id, self.a_buyer.partner_id)
        self.assertEqual(order.pricelist_id, self.pl_silver)
        self.assertEqual(order.order_line.mapped("product_id"), self.cap | self.mug)
        self.assertEqual(order.order_line.mapped("product_uom_qty"), [5.0, 12.0])
        self.assertEqual(order.create_uid, self.a_buyer)
        # the buyer reads its own quotation, its colleague purchaser does not
        order.with_user(self.a_buyer).check_access("read")
        self.assertFalse(order.with_user(self.a_buyer2).search([("id", "=", order.id)]))

    def test_only_buyers_order(self):
        for user in (self.a_approver, self.a_finance, self.plain):
            with self.assertRaises(UserError):
                self.env["b2b.quick.order"].with_user(user)._b2b_validate([])
        self.dealer_a._b2b_set_state("suspended", reason="Test")
        with self.assertRaisesRegex(UserError, "not an approved dealer"):
            self.QuickOrder._b2b_validate([])
