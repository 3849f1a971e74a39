# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import INTEGRATION, B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiReview(B2bApiCommon):
    """Defects found by the code review of the integrator API."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "API Company B"})
        cls.dealer_c = cls._dealer("API Dealer C", "API-C")
        cls.dealer_c.company_id = cls.company_b
        # a brand-side system user of the main company only
        cls.user_brand_a = cls._b2b_internal_user(
            "api_edi_brand_a",
            f"base.group_user,{INTEGRATION}",
            name="Brand EDI A",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_brand_a.b2b_api_dealer_ids = cls.dealer_a | cls.dealer_c

    # -- multi-company ---------------------------------------------------
    def test_dealer_of_other_company_forbidden(self):
        """A dealer of a company the user may not access is refused like an
        unknown dealer, for every operation, and nothing is created."""
        before = self.env["sale.order"].search_count(
            [("company_id", "=", self.company_b.id)]
        )
        api = self.api(self.user_brand_a)
        res = self.submit("mc-1", user=self.user_brand_a, dealer="API-C")
        self.assertCodes(res, [("FORBIDDEN_DEALER", None)])
        for op in ("dealer_credit", "open_invoices", "dealer_addresses"):
            self.assertCodes(
                getattr(api, op)({"dealer": self.dealer_c.id}),
                [("FORBIDDEN_DEALER", None)],
            )
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("company_id", "=", self.company_b.id)]
            ),
            before,
        )
        # the dealer of the user's company still works
        self.assertTrue(
            self.submit("mc-2", user=self.user_brand_a, dealer="API-A")["ok"]
        )

    def test_order_of_other_company_not_found(self):
        """A shared dealer's order made in a company the user may not access
        is NOT_FOUND, by id and by client reference."""
        order = (
            self.env["sale.order"]
            .with_company(self.company_b)
            .create(
                {
                    "partner_id": self.dealer_a.id,
                    "company_id": self.company_b.id,
                    "client_order_ref": "PO-COMPANY-B",
                }
            )
        )
        api = self.api(self.user_brand_a)
        for payload in (
            {"dealer": "API-A", "order_id": order.id},
            {"dealer": "API-A", "client_reference": "PO-COMPANY-B"},
        ):
            self.assertCodes(api.order_status(payload), [("NOT_FOUND", None)])
            self.assertCodes(api.cancel_order(payload), [("NOT_FOUND", None)])
        self.assertEqual(order.state, "draft")

    # -- robustness -------------------------------------------------------
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

    # -- correctness -------------------------------------------------------
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

    def test_cancel_closes_pending_approval(self):
        """Cancelling an order waiting for approval cancels its request: the
        approvers are not left with a request for a cancelled order."""
        self.env["b2b.approval.rule"].create(
            {
                "name": "Big API orders",
                "model_id": self.env["ir.model"]._get("sale.order").id,
                "domain": "[('amount_untaxed', '>', 1000)]",
                "step_ids": [
                    Command.create(
                        {
                            "name": "Sales manager",
                            "approver_type": "user",
                            "user_ids": [
                                Command.set(self.env.ref("base.user_admin").ids)
                            ],
                        }
                    )
                ],
            }
        )
        res = self.submit("approve-cancel", lines=[{"sku": "API-PUMP", "quantity": 20}])
        self.assertEqual(res["approval_state"], "pending", res)
        order = self.env["sale.order"].browse(res["order_id"])
        cancelled = self.api().cancel_order({"order_id": order.id})
        self.assertTrue(cancelled["ok"], cancelled)
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order._b2b_approval_requests().mapped("state"), ["cancelled"])

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

    def test_unknown_warehouse_refused(self):
        res = self.api().product_availability(
            {"skus": ["API-PUMP"], "warehouses": ["NOPE", self.warehouse.code]}
        )
        self.assertCodes(res, [("UNKNOWN_WAREHOUSE", None)])
        self.assertNotIn(self.warehouse.code, res["errors"][0]["message"])

    def test_address_of_other_company_refused(self):
        """A delivery address of the dealer kept for another company is not
        offered, and refused as any foreign address (not a company error
        reported as CREDIT_BLOCKED)."""
        address = self.env["res.partner"].create(
            {
                "name": "A depot of company B",
                "type": "delivery",
                "parent_id": self.dealer_a.id,
                "company_id": self.company_b.id,
            }
        )
        before = self.orders()
        res = self.submit("addr-mc", delivery_address_id=address.id)
        self.assertCodes(res, [("INVALID_ADDRESS", None)])
        self.assertEqual(self.orders(), before)
        ids = [a["id"] for a in self.api().dealer_addresses()["addresses"]]
        self.assertIn(self.ship_a.id, ids)
        self.assertNotIn(address.id, ids)

    def test_idempotency_on_the_resolved_dealer(self):
        """The same order named with its dealer's id, code or implied is the
        same submission: a retry that names the dealer differently replays."""
        first = self.submit("named-1")
        for dealer in ("API-A", self.dealer_a.id):
            again = self.submit("named-1", dealer=dealer)
            self.assertTrue(again["ok"], again)
            self.assertTrue(again["replayed"])
            self.assertEqual(again["order_id"], first["order_id"])

    def test_generate_key_refused_for_administrator(self):
        """No API key in the name of an administrator flagged as integration
        user: the key would open far more than the dealer API."""
        admin_like = new_test_user(
            self.env,
            login="api_admin_like",
            groups=f"base.group_user,base.group_erp_manager,{INTEGRATION}",
        )
        keys = self.env["res.users.apikeys"].sudo().search_count([])
        with self.assertRaises(AccessError):
            admin_like.action_b2b_api_generate_key()
        self.assertEqual(self.env["res.users.apikeys"].sudo().search_count([]), keys)

    def test_false_means_absent(self):
        """XML-RPC has no null: ``false`` in an optional field is "not given",
        as the answers use it, for every optional field alike."""
        res = self.submit(
            "false-1",
            dealer=False,
            delivery_address_id=False,
            requested_date=False,
            client_reference=False,
            note=False,
        )
        self.assertTrue(res["ok"], res)
        order = self.env["sale.order"].browse(res["order_id"])
        # the dealer's default delivery address, as with no address given
        default = self.dealer_a.address_get(["delivery"])["delivery"]
        self.assertEqual(order.partner_shipping_id.id, default)
        self.assertFalse(order.commitment_date)
        self.assertTrue(self.api().dealer_credit({"dealer": False})["ok"])

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

    def test_availability_says_when_stock_is_not_tracked(self):
        """A consumable or service has no stock figures: the answer says so
        instead of an unexplained "available": 0."""
        res = self.api().product_availability({"skus": ["API-PUMP", "API-VALVE"]})
        self.assertTrue(res["ok"], res)
        pump, valve = res["lines"]
        self.assertTrue(pump["is_storable"])
        self.assertFalse(valve["is_storable"])
