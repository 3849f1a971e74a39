# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import B2bPricingCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestPricingService(B2bPricingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Service = cls.env["b2b.pricing.service"]
        cls.break_rule = cls._rule(
            cls.pl_silver, cls.shirt_tmpl, 60.0, min_qty=50, scope="template"
        )
        cls.portal_user = cls._create_portal_user(cls.dealer, "b2b_price_portal")
        cls.other_portal = cls._create_portal_user(cls.dealer_gold, "b2b_price_gold")
        cls.rep = new_test_user(
            cls.env,
            login="b2b_price_rep",
            groups="b2b_base.b2b_base_group_user",
        )
        cls.employee = new_test_user(
            cls.env, login="b2b_price_emp", groups="base.group_user"
        )

    def test_price_products(self):
        result = self.Service.price_products(
            self.dealer.id,
            [
                {"sku": "B2B-SHIRT-RED", "quantity": 20},
                {"product_id": self.shirt_blue.id, "quantity": 24},
                {"sku": "B2B-MUG", "quantity": 3},
            ],
            "2026-06-01",
        )
        self.assertTrue(result["ok"], result)
        self.assertEqual(result["pricelist_id"], self.pl_silver.id)
        self.assertEqual(result["currency"], self.currency.name)
        red, blue, mug = result["lines"]
        self.assertEqual(red["product_id"], self.shirt_red.id)
        self.assertEqual(red["price_unit"], 90.0)
        self.assertEqual(red["rule"]["source"], "tier")
        self.assertEqual(red["next_break"], {"quantity": 6.0, "price_unit": 60.0})
        self.assertEqual(blue["sku"], "B2B-SHIRT-BLUE")
        self.assertEqual(mug["price_unit"], 20.0)
        self.assertEqual(mug["rule"]["source"], "list")
        self.assertIsNone(mug["next_break"])
        # cumulative: together they reach the break
        result = self.Service.price_products(
            "p-d1",
            [
                {"sku": "B2B-SHIRT-RED", "quantity": 26},
                {"sku": "B2B-SHIRT-BLUE", "quantity": 24},
            ],
        )
        self.assertEqual([line["price_unit"] for line in result["lines"]], [60.0, 60.0])
        self.assertEqual(result["lines"][0]["rule"]["source"], "break")
        self.assertEqual(result["lines"][0]["rule"]["id"], self.break_rule.id)

    def test_discount(self):
        self._rule(
            self.pl_silver, self.cap, compute_price="percentage", percent_price=20.0
        )
        line = self.Service.price_products(
            self.dealer.id, [{"product_id": self.cap.id, "quantity": 1}]
        )["lines"][0]
        self.assertEqual(
            (line["list_price"], line["price_unit"], line["discount"]),
            (50.0, 40.0, 20.0),
        )

    def test_bad_input_per_line(self):
        self.mug.active = False
        lines = [
            {"sku": "NOPE", "quantity": 1},
            {"product_id": self.mug.id, "quantity": 1},
            {"sku": "B2B-CAP", "quantity": 0},
            {"sku": "B2B-CAP", "quantity": -3},
            {"sku": "B2B-CAP", "quantity": "3"},
            {"product_id": "12", "quantity": 1},
            "not a dict",
            {"quantity": 1},
            {"sku": "B2B-CAP", "quantity": True},
            {"sku": "B2B-CAP", "quantity": 2},
        ]
        result = self.Service.price_products(self.dealer.id, lines)
        self.assertFalse(result["ok"])
        errors = [line["error"] for line in result["lines"]]
        self.assertIn("Unknown product", errors[0])
        self.assertIn("archived", errors[1])
        self.assertIn("greater than zero", errors[2])
        self.assertIn("greater than zero", errors[3])
        self.assertIn("number", errors[4])
        self.assertIn("integer", errors[5])
        self.assertIn("dict", errors[6])
        self.assertIn("sku or product_id", errors[7])
        self.assertIn("number", errors[8])
        self.assertIsNone(errors[9])
        self.assertEqual(result["lines"][9]["price_unit"], 50.0)

    def test_line_verdicts_are_structured(self):
        """The one line validator answers every line with a stable code, the
        faulty key and every problem of the line (what the portal, the CSV
        upload and the API render)."""
        self.mug.active = False
        checks = self.Service.with_company(self.env.company)._b2b_check_lines(
            [
                {"sku": "NOPE", "quantity": 1},
                {"product_id": self.mug.id, "quantity": 1},
                {"sku": "B2B-CAP", "quantity": 0.001},
                {"sku": "NOPE", "quantity": "x"},
                {"sku": "B2B-CAP", "quantity": 2},
            ]
        )
        self.assertEqual(
            [(c["code"], c["field"]) for c in checks],
            [
                ("UNKNOWN_SKU", "sku"),
                ("PRODUCT_UNAVAILABLE", "product_id"),
                ("INVALID_QUANTITY", "quantity"),
                ("UNKNOWN_SKU", "sku"),
                (None, None),
            ],
        )
        self.assertEqual(
            [e["code"] for e in checks[3]["errors"]], ["UNKNOWN_SKU", "INVALID_TYPE"]
        )
        self.assertTrue(checks[4]["ok"])
        self.assertEqual(checks[4]["quantity"], 2.0)
        self.assertEqual(checks[4]["product"].default_code, "B2B-CAP")

    def test_orderable_rule_read_once_per_check(self):
        """The company's *Products Dealers May Order* is read and matched once
        per check of many lines, not once per line (a 5,000-line upload)."""
        company = self.env.company
        lines = [{"sku": "B2B-CAP", "quantity": 1}] * 40 + [
            {"product_id": self.mug.id, "quantity": 1}
        ] * 40
        Company = type(company)
        with patch.object(
            Company, "_b2b_product_domain", autospec=True, return_value=[]
        ) as domain:
            checks = self.Service.with_company(company)._b2b_check_lines(lines)
        self.assertTrue(all(check["ok"] for check in checks))
        self.assertEqual(domain.call_count, 1)

    def test_sku_shared_with_archived_product(self):
        """An archived product keeping the SKU of its replacement does not
        hide the orderable one."""
        old = self.cap.copy({"default_code": "B2B-CAP", "name": "AAA Old Cap"})
        old.active = False
        (self.cap | old).invalidate_recordset()
        result = self.Service.price_products(
            self.dealer.id, [{"sku": "B2B-CAP", "quantity": 2}]
        )
        self.assertTrue(result["ok"], result)
        self.assertEqual(result["lines"][0]["product_id"], self.cap.id)

    def test_bad_arguments(self):
        for dealer in (False, None, "unknown-code", 999999999, [1], self.customer.id):
            result = self.Service.price_products(dealer, [])
            self.assertFalse(result["ok"])
            self.assertIn("Unknown dealer", result["error"])
        result = self.Service.price_products(self.dealer.id, "nope")
        self.assertIn("list", result["error"])
        result = self.Service.price_products(self.dealer.id, [], date="31/12/2026")
        self.assertIn("Invalid date", result["error"])
        result = self.Service.price_products(self.dealer.id, [], date=12)
        self.assertIn("Invalid date", result["error"])

    def test_dealer_not_approved(self):
        prospect = self._create_dealer("Prospect", "P-PROS", self.tier_silver, False)
        result = self.Service.price_products(
            prospect.id, [{"sku": "B2B-CAP", "quantity": 1}]
        )
        self.assertFalse(result["ok"])
        self.assertIn("not an approved dealer", result["error"])
        self.assertIn("not an approved dealer", result["lines"][0]["error"])

    def test_access_rights(self):
        lines = [{"sku": "B2B-SHIRT-RED", "quantity": 1}]
        # a dealer's portal user prices its own dealer
        own = self.Service.with_user(self.portal_user).price_products(
            self.dealer.id, lines
        )
        self.assertEqual(own["lines"][0]["price_unit"], 90.0)
        # ... and no other
        with self.assertRaises(AccessError):
            self.Service.with_user(self.portal_user).price_products(
                self.dealer_gold.id, lines
            )
        with self.assertRaises(AccessError):
            self.Service.with_user(self.other_portal).price_products("P-D1", lines)
        # staff of the dealer team may price any dealer they can read
        rep = self.Service.with_user(self.rep).price_products(
            self.dealer_gold.id, lines
        )
        self.assertEqual(rep["lines"][0]["price_unit"], 80.0)
        # an employee outside the dealer groups may not
        with self.assertRaises(AccessError):
            self.Service.with_user(self.employee).price_products(self.dealer.id, lines)

    def test_read_only(self):
        """Pricing never writes: no INSERT/UPDATE/DELETE issued."""
        self.env.flush_all()
        queries = []
        original = self.env.cr.execute

        def spy(query, params=None, log_exceptions=True):
            queries.append(str(query))
            return original(query, params, log_exceptions)

        self.env.cr.execute = spy
        try:
            self.Service.with_user(self.portal_user).price_products(
                self.dealer.id,
                [
                    {"sku": "B2B-SHIRT-RED", "quantity": 60},
                    {"sku": "NOPE", "quantity": 1},
                ],
            )
            self.env.flush_all()
        finally:
            del self.env.cr.execute
        writes = [
            q
            for q in queries
            if q.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        self.assertTrue(queries)
        self.assertEqual(writes, [])

    def test_query_count_constant(self):
        """The service costs the same queries for 2 and 200 lines."""
        templates = self.env["product.template"].create(
            [
                {
                    "name": f"B2B svc {i}",
                    "default_code": f"B2B-SVC-{i}",
                    "list_price": 10,
                }
                for i in range(200)
            ]
        )
        self.env["product.pricelist.item"].create(
            [
                {
                    "pricelist_id": self.pl_silver.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": tmpl.id,
                    "fixed_price": 8.0,
                    "min_quantity": 10,
                    "b2b_qty_scope": "template",
                }
                for tmpl in templates
            ]
        )
        service = self.Service.with_user(self.portal_user)
        counts = []
        for size in (2, 200, 2):
            lines = [
                {"sku": f"B2B-SVC-{i}", "quantity": 10 + i % 5} for i in range(size)
            ]
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = service.price_products(self.dealer.id, lines)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertTrue(result["ok"])
            self.assertEqual(
                {
                    line["price_unit"]
                    for line in result["lines"]
                    if line["quantity"] >= 10
                },
                {8.0},
            )
        _logger.info("pricing service queries for 2, 200, 2 lines: %s", counts)
        self.assertEqual(counts[1], counts[2], counts)
        self.assertLessEqual(counts[1], 25, counts)
