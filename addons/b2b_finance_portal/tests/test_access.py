# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bFinancePortalCommon


@tagged("post_install", "-at_install")
class TestFinanceAccess(B2bFinancePortalCommon):
    """Only the dealer's finance and admin buyers, only their own dealer:
    through the ORM (what RPC runs) and over JSON-RPC with another dealer's
    ids."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.slip = cls._declare(cls.finance, 100.0, "ACC-1")
        cls.slip_b = cls._declare(cls.finance_b, 77.0, "ACC-2")
        cls.snapshot = cls._snapshot()
        cls.snapshot_b = cls._snapshot(cls.dealer_b)

    def test_read_own_dealer_only(self):
        for user in (self.finance, self.admin):
            Slip = self.env["b2b.payment.slip"].with_user(user)
            self.assertEqual(Slip.search([]), self.slip)
            Snapshot = self.env["b2b.statement.snapshot"].with_user(user)
            self.assertEqual(Snapshot.search([]), self.snapshot)
            self.assertEqual(
                self.env["b2b.statement.snapshot.line"].with_user(user).search([]),
                self.snapshot.line_ids,
            )
            for record in (
                self.slip_b.with_user(user),
                self.snapshot_b.with_user(user),
            ):
                with self.assertRaises(AccessError):
                    record.read(["name"])

    def test_other_roles_no_access(self):
        for user in (self.purchaser, self.approver):
            for model in ("b2b.payment.slip", "b2b.statement.snapshot"):
                with self.subTest(user=user.login, model=model):
                    self.assertFalse(self.env[model].with_user(user).has_access("read"))
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])

    def test_buyers_cannot_write(self):
        slip = self.slip.with_user(self.finance)
        snapshot = self.snapshot.with_user(self.finance)
        with self.assertRaises(AccessError):
            self.env["b2b.payment.slip"].with_user(self.finance).create(
                {
                    "dealer_id": self.dealer.id,
                    "amount": 5.0,
                    "date": "2026-03-01",
                    "bank_reference": "X",
                }
            )
        for record, vals in (
            (slip, {"amount": 1.0}),
            (slip, {"state": "confirmed"}),
            (snapshot, {"state": "confirmed"}),
        ):
            with self.assertRaises(AccessError):
                record.write(vals)
        with self.assertRaises(AccessError):
            slip.action_b2b_confirm()
        with self.assertRaises(AccessError):
            slip._b2b_reject("self-rejected")
        with self.assertRaises(AccessError):
            snapshot.action_b2b_reopen()
        self.assertEqual(self.slip.state, "declared")

    def test_backend_billing(self):
        Slip = self.env["b2b.payment.slip"].with_user(self.accountant)
        self.assertEqual(Slip.search([]), self.slip | self.slip_b)
        # an internal user without accounting rights sees nothing
        internal = self._b2b_internal_user("fp_internal")
        with self.assertRaises(AccessError):
            self.env["b2b.payment.slip"].with_user(internal).search([])


@tagged("post_install", "-at_install")
class TestFinanceRpc(B2bFinancePortalCommon):
    """The same refusals over JSON-RPC (/web/dataset/call_kw) as the portal
    user of Dealer Two, with Dealer One's ids."""

    def _call(self, login, model, method, args, kwargs=None):
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
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_rpc_other_dealer(self):
        slip = self._declare(self.finance, 100.0, "RPC-1")
        snapshot = self._snapshot()
        login = self.finance_b.login
        calls = [
            ("b2b.payment.slip", "read", [slip.ids, ["amount"]]),
            ("b2b.payment.slip", "write", [slip.ids, {"amount": 1}]),
            ("b2b.payment.slip", "action_b2b_confirm", [slip.ids]),
            ("b2b.statement.snapshot", "read", [snapshot.ids, ["closing_balance"]]),
            ("b2b.statement.snapshot", "write", [snapshot.ids, {"state": "confirmed"}]),
            ("b2b.statement.snapshot.line", "read", [snapshot.line_ids.ids, ["debit"]]),
            (
                "b2b.payment.slip",
                "create",
                [
                    {
                        "dealer_id": self.dealer.id,
                        "amount": 5,
                        "date": "2026-03-01",
                        "bank_reference": "RPC",
                    }
                ],
            ),
        ]
        for model, method, args in calls:
            with self.subTest(model=model, method=method):
                result = self._call(login, model, method, args)
                self.assertIn("error", result, result)
        # private methods are not callable over RPC
        for model, method, args in (
            ("b2b.statement.snapshot", "_b2b_portal_confirm", [snapshot.ids]),
            ("b2b.payment.slip", "_b2b_declare", [{}, "x.png", "x"]),
        ):
            with self.subTest(method=method):
                result = self._call(self.finance.login, model, method, args)
                self.assertIn("error", result, result)
        self.assertEqual(slip.state, "declared")
        self.assertEqual(snapshot.state, "sent")
        # the dealer's own finance user reads its own slip over RPC
        result = self._call(
            self.finance.login, "b2b.payment.slip", "read", [slip.ids, ["amount"]]
        )
        self.assertEqual(result["result"][0]["amount"], 100.0)
