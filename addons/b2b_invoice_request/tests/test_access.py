# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TAX_ID, B2bInvoiceRequestCommon


@tagged("post_install", "-at_install")
class TestInvoiceRequestAccess(B2bInvoiceRequestCommon):
    """Only the dealer's finance and admin buyers, only their own dealer:
    through the ORM (what RPC runs) with other dealers' ids, and over
    JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request = cls._request(cls.a_finance, {cls.cap_line: 2})
        cls.request_b = cls._request(
            cls.b_finance, {cls.order_b.order_line: 10}, profile=cls.profile_b
        )

    def test_read_own_dealer_only(self):
        for user in (self.a_finance, self.a_admin):
            with self.subTest(user=user.login):
                Request = self.env["b2b.invoice.request"].with_user(user)
                self.assertEqual(Request.search([]), self.request)
                self.assertEqual(
                    self.env["b2b.invoice.request.line"].with_user(user).search([]),
                    self.request.line_ids,
                )
                self.assertEqual(
                    self.env["b2b.invoice.profile"].with_user(user).search([]),
                    self.profile,
                )
                for record in (self.request_b, self.profile_b):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["name"])

    def test_purchasers_and_approvers_refused(self):
        for user in (self.a_buyer, self.a_approver):
            for model in (
                "b2b.invoice.request",
                "b2b.invoice.request.line",
                "b2b.invoice.profile",
            ):
                with self.subTest(user=user.login, model=model):
                    self.assertFalse(self.env[model].with_user(user).has_access("read"))
            with self.assertRaises(AccessError):
                self._request(user, {self.cap_line: 1})

    def test_other_dealers_ids_refused(self):
        Request = self.env["b2b.invoice.request"].with_user(self.a_finance)
        # dealer B's line, with dealer A's profile
        with self.assertRaisesRegex(UserError, "not your dealer's"):
            Request._b2b_portal_request(
                self.profile.id, {str(self.order_b.order_line.id): "1"}
            )
        # dealer B's profile
        with self.assertRaisesRegex(UserError, "your invoice profiles"):
            Request._b2b_portal_request(self.profile_b.id, {str(self.cap_line.id): "1"})
        # a profile of dealer B cannot be written, nor one moved to dealer B
        with self.assertRaises(AccessError):
            self.profile_b.with_user(self.a_finance).name = "Taken"
        with self.assertRaises(AccessError):
            self.profile.with_user(self.a_finance).dealer_id = self.dealer_b
        with self.assertRaises(AccessError):
            self.env["b2b.invoice.profile"].with_user(self.a_finance).create(
                {"dealer_id": self.dealer_b.id, "name": "For B", "tax_id": TAX_ID}
            )

    def test_multi_company(self):
        company_2 = self.env["res.company"].create({"name": "IR Company Two"})
        profile_2 = self.env["b2b.invoice.profile"].create(
            {
                "dealer_id": self.dealer_a.id,
                "company_id": company_2.id,
                "name": "Dealer A in company two",
                "tax_id": TAX_ID,
            }
        )
        for user in (self.a_finance, self.accountant):
            Profile = self.env["b2b.invoice.profile"].with_user(user)
            self.assertNotIn(profile_2, Profile.search([]))
            with self.assertRaises(AccessError):
                profile_2.with_user(user).read(["name"])
        with self.assertRaisesRegex(UserError, "your invoice profiles"):
            self.env["b2b.invoice.request"].with_user(
                self.a_finance
            )._b2b_portal_request(profile_2.id, {str(self.cap_line.id): "1"})

    def test_buyers_cannot_process(self):
        request = self.request.with_user(self.a_finance)
        with self.assertRaises(AccessError):
            self.env["b2b.invoice.request"].with_user(self.a_finance).create(
                {
                    "dealer_id": self.dealer_a.id,
                    "profile_id": self.profile.id,
                    "currency_id": self.company.currency_id.id,
                }
            )
        for vals in ({"state": "issued"}, {"einvoice_number": "X"}):
            with self.assertRaises(AccessError):
                request.write(vals)
        for method in (
            "action_b2b_process",
            "action_b2b_create_invoice",
            "action_b2b_issue",
        ):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(request, method)()
        with self.assertRaises(AccessError):
            request._b2b_reject("self-rejected")
        self.assertEqual(self.request.state, "requested")

    def test_backend_billing(self):
        Request = self.env["b2b.invoice.request"].with_user(self.accountant)
        self.assertEqual(Request.search([]), self.request | self.request_b)
        internal = self._b2b_internal_user("ir_internal")
        self.assertFalse(
            self.env["b2b.invoice.request"].with_user(internal).has_access("read")
        )

    def _call(self, login, model, method, args):
        self.authenticate(login, login)
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_rpc_other_dealer(self):
        calls = [
            ("b2b.invoice.request", "read", [self.request_b.ids, ["name"]]),
            ("b2b.invoice.request", "write", [self.request_b.ids, {"note": "x"}]),
            ("b2b.invoice.request", "action_b2b_issue", [self.request_b.ids]),
            (
                "b2b.invoice.request.line",
                "read",
                [self.request_b.line_ids.ids, ["quantity"]],
            ),
            ("b2b.invoice.profile", "read", [self.profile_b.ids, ["tax_id"]]),
            ("b2b.invoice.profile", "write", [self.profile_b.ids, {"name": "x"}]),
            (
                "b2b.invoice.profile",
                "write",
                [self.profile.ids, {"dealer_id": self.dealer_b.id}],
            ),
            (
                "b2b.invoice.profile",
                "create",
                [{"dealer_id": self.dealer_b.id, "name": "x", "tax_id": TAX_ID}],
            ),
            # private methods are not callable over RPC
            ("b2b.invoice.request", "_b2b_create_request", [[], 1, 1, {}]),
            ("b2b.invoice.request", "_b2b_portal_request", [[], 1, {}]),
        ]
        for model, method, args in calls:
            with self.subTest(model=model, method=method):
                result = self._call("pa_finance", model, method, args)
                self.assertIn("error", result, result)
        self.assertEqual(self.profile_b.name, "Dealer B Co.")
        self.assertEqual(self.profile.dealer_id, self.dealer_a)
        self.assertEqual(self.request_b.state, "requested")
        # the dealer's own request over RPC
        result = self._call(
            "pa_finance", "b2b.invoice.request", "read", [self.request.ids, ["name"]]
        )
        self.assertEqual(result["result"][0]["name"], self.request.name)
