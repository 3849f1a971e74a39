# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import B2bDunningCommon

STATEMENT_REPORT = "b2b_credit.action_report_res_partner_statement"


@tagged("post_install", "-at_install")
class TestDunningAccess(B2bDunningCommon):
    """A dealer's finance and admin buyers read their own dealer's fees and
    reminders only (also over JSON-RPC, with the other dealer's ids); the
    other buyers none; nobody in the portal changes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._policy()
        cls._compute_fees("2026-03-10")
        cls._plan("2026-03-10")
        cls.fees_a = cls.env["b2b.dunning.fee"].search(
            [("dealer_id", "=", cls.dealer.id)]
        )
        cls.fees_b = cls.env["b2b.dunning.fee"].search(
            [("dealer_id", "=", cls.dealer_b.id)]
        )

    def test_own_dealer_only(self):
        for user in (self.finance, self.admin):
            with self.subTest(user=user.login):
                Fee = self.env["b2b.dunning.fee"].with_user(user)
                self.assertEqual(Fee.search([]), self.fees_a)
                self.assertEqual(
                    self.env["b2b.dunning.reminder"]
                    .with_user(user)
                    .search([])
                    .dealer_id,
                    self.dealer,
                )
                self.assertEqual(
                    self.env["b2b.dunning.log"].with_user(user).search([]).dealer_id,
                    self.dealer,
                )
                with self.assertRaises(AccessError):
                    self.fees_b.with_user(user).read(["amount"])
                with self.assertRaises(AccessError):
                    self.fees_a.with_user(user).action_b2b_validate()
                with self.assertRaises(AccessError):
                    self.fees_a[:1].with_user(user).write({"amount": 0.0})

    def test_other_roles_nothing(self):
        for user in (self.purchaser, self.approver):
            with self.subTest(user=user.login):
                for model in ("b2b.dunning.fee", "b2b.dunning.reminder"):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])

    def _call_kw(self, model, method, args, kwargs=None):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    @mute_logger("odoo.http")
    def test_rpc(self):
        self.authenticate("pc_finance", "pc_finance")
        answer = self._call_kw(
            "b2b.dunning.fee", "search_read", [[]], {"fields": ["dealer_id"]}
        )
        self.assertEqual({row["id"] for row in answer["result"]}, set(self.fees_a.ids))
        answer = self._call_kw("b2b.dunning.fee", "read", [self.fees_b.ids, ["amount"]])
        self.assertIn("error", answer)
        answer = self._call_kw("b2b.dunning.fee", "action_b2b_post", [self.fees_a.ids])
        self.assertIn("error", answer)
        # private methods are not RPC entry points
        answer = self._call_kw(
            "b2b.dunning.subscription",
            "_b2b_set_subscribed",
            [self.purchaser.id, True],
        )
        self.assertIn("error", answer)

    def test_statement_preview(self):
        """The statement previews the dealer's own fees to be charged."""
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html(
                STATEMENT_REPORT,
                self.dealer.ids,
                data={
                    "date_from": "2026-02-01",
                    "date_to": "2026-03-10",
                    "company_id": self.company.id,
                },
            )[0]
            .decode()
        )
        self.assertIn("Late fees to be charged", html)
        self.assertIn(self.jan.name, html)
        self.assertNotIn(self.invoice_b.name, html)
        # posted fees are no longer previewed
        self.fees_a.with_user(self.invoicer).action_b2b_validate()
        self.fees_a.with_user(self.invoicer).action_b2b_post()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                STATEMENT_REPORT,
                self.dealer.ids,
                data={"date_from": "2026-02-01", "date_to": "2026-03-10"},
            )[0]
            .decode()
        )
        self.assertNotIn("Late fees to be charged", html)
