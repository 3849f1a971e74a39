# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import INTEGRATION, B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiMultiCompany(B2bApiCommon):
    """Dealers, orders and addresses of another company: never reachable
    through a company the integration user may not use."""

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
