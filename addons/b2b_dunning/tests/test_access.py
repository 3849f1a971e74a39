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


@tagged("post_install", "-at_install")
class TestDunningMultiCompany(B2bDunningCommon):
    """Each company's policy applies to its own invoices only, and its fees
    are seen by its own users only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._policy()
        cls.company_2 = cls.setup_other_company(name="Dunning Co 2")["company"]
        cls.invoice_2 = cls._invoice(
            500.0,
            cls.dealer,
            date="2026-01-05",
            due="2026-01-05",
            company=cls.company_2,
        )

    def test_company_without_policy(self):
        self._plan("2026-03-10")
        self._compute_fees("2026-03-10")
        self.assertNotIn(
            self.invoice_2, self.env["b2b.dunning.log"].sudo().search([]).move_id
        )
        self.assertFalse(self._fees(self.invoice_2).sudo())

    def test_company_own_policy(self):
        self.env["b2b.dunning.fee.policy"].with_company(self.company_2).create(
            {
                "name": "Co 2 fee",
                "company_id": self.company_2.id,
                "fee_type": "fixed",
                "fixed_amount": 20.0,
            }
        )
        self._compute_fees("2026-03-10")
        Fee = self.env["b2b.dunning.fee"].sudo()
        fee_2 = Fee.search([("move_id", "=", self.invoice_2.id)])
        self.assertEqual((fee_2.company_id, fee_2.amount), (self.company_2, 20.0))
        # company 1's policy (0.1 % a day) for company 1's invoices only
        self.assertEqual(
            set(Fee.search([("move_id", "=", self.jan.id)]).mapped("company_id")),
            {self.company},
        )
        # a billing user of company 1 does not see company 2's fees
        self.assertEqual(self.invoicer.company_ids, self.company)
        visible = self.env["b2b.dunning.fee"].with_user(self.invoicer).search([])
        self.assertTrue(visible)
        self.assertNotIn(fee_2, visible)
