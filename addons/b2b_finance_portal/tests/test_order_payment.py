# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from unittest.mock import patch

from odoo import Command, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PNG, B2bFinancePortalCommon


class B2bOrderPaymentCommon(B2bFinancePortalCommon):
    """Dealer Pay (limit 1,000, nothing owed) with an order of 1,500 and one
    of 1,200, both refused at submission for the credit limit alone (order
    policy: block); a dummy payment provider."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_policy("order", "block")
        cls.dealer_p = cls._create_dealer("Dealer Pay")
        cls.finance_p = cls._b2b_buyer(cls.dealer_p, "op_finance", ("finance",))
        cls.admin_p = cls._b2b_buyer(cls.dealer_p, "op_admin", ("admin",))
        cls.purchaser_p = cls._b2b_buyer(cls.dealer_p, "op_purchaser", ("purchaser",))
        cls.approver_p = cls._b2b_buyer(cls.dealer_p, "op_approver", ("approver",))
        cls.widget = cls._b2b_product(
            "Pay Widget", sku="OP-W", price=100.0, taxes_id=[Command.clear()]
        )
        cls.order_a = cls._refused_order(15)
        cls.order_b = cls._refused_order(12)
        cls.bank = cls.company_data["default_journal_bank"]
        cls.provider = cls._setup_provider()

    @classmethod
    def _refused_order(cls, qty, user=None):
        user = user or cls.purchaser_p
        order = cls._b2b_order(
            user.partner_id, [(cls.widget, qty)], user=user, sudo=True
        ).with_env(cls.env)
        __, error = order.with_user(user).sudo()._b2b_buyer_submit()
        assert error, "the order should be refused for its credit"
        return order

    @classmethod
    def _setup_provider(cls):
        """A published dummy provider paying into the bank journal, its
        payments through the outstanding receipts account (what
        account_payment's own tests set up)."""
        information = cls.env["account.payment.method"]._get_payment_method_information

        def with_none(*args, **kwargs):
            return dict(information(), none={"mode": "electronic", "type": ("bank",)})

        with patch.object(
            cls.env.registry["account.payment.method"],
            "_get_payment_method_information",
            with_none,
        ):
            cls.env["account.payment.method"].sudo().create(
                {"name": "Dummy method", "code": "none", "payment_type": "inbound"}
            )
            method = cls.env.ref("payment.payment_method_unknown")
            provider = cls.env["payment.provider"].create(
                {
                    "name": "Dummy Provider",
                    "code": "none",
                    "state": "test",
                    "is_published": True,
                    "payment_method_ids": [Command.set(method.ids)],
                    "journal_id": cls.bank.id,
                }
            )
            method.active = True
        provider.journal_id.inbound_payment_method_line_ids.filtered(
            lambda line: line.payment_provider_id == provider
        ).payment_account_id = cls.inbound_payment_method_line.payment_account_id
        return provider

    def _slip(self, order, amount, user=None, reference="OP-1"):
        return self._declare(
            user or self.finance_p, amount, reference, order_id=str(order.id)
        )

    def _confirm(self, slip):
        slip.with_user(self.accountant).action_b2b_confirm()

    def _online(self, order, amount, user=None, flag=True, partner=None):
        provider = self.provider
        user = user or self.finance_p
        tx = (
            self.env["payment.transaction"]
            .with_user(user)
            .sudo()
            .create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": provider.payment_method_ids[:1].id,
                    "amount": amount,
                    "currency_id": order.currency_id.id,
                    "partner_id": (partner or user.partner_id).id,
                    "reference": f"OP-TX-{order.id}-{amount}",
                    "operation": "online_redirect",
                    "sale_order_ids": [Command.set(order.ids)],
                    "b2b_credit_release": flag,
                }
            )
        )
        tx._set_done()
        tx._post_process()
        return tx


@tagged("post_install", "-at_install")
class TestOrderShortfall(B2bOrderPaymentCommon):
    def test_shortfall_figure(self):
        """exposure + order - limit, from b2b_credit's decision; the same
        figure in the backend field."""
        shortfalls = (self.order_a | self.order_b)._b2b_credit_shortfalls()
        self.assertEqual(shortfalls, {self.order_a: 500.0, self.order_b: 200.0})
        decision = self.dealer_p._b2b_credit_evaluate(
            "order",
            self.company,
            self.order_a.amount_total,
            self.dealer_p._b2b_credit_exposure(self.company),
        )
        self.assertEqual(decision["shortfall"], 500.0)
        self.assertEqual(self.order_a.b2b_credit_shortfall, 500.0)
        self.assertEqual(
            self.order_a._b2b_payment_amounts(), {"shortfall": 500.0, "total": 1500.0}
        )
        offer = self.order_a._b2b_payment_offer()
        self.assertEqual(offer["over_limit"], 0.0)
        self.assertEqual(offer["order_amount"], 1500.0)
        self.assertEqual(self.order_a.b2b_buyer_status, "refused")

    def test_shortfall_above_order(self):
        """A dealer already over its limit without the order: the shortfall
        is larger than the order, paying the whole order would not release
        it, so only the shortfall is offered (card, page, route)."""
        # an invoice of 800 posted after the refusal: exposure 800 above a
        # limit of 1,000 with the order of 1,200 -> shortfall 1,000
        self._post_invoice(self.dealer_p, 800.0, "2026-03-01", "2099-03-01")
        offer = self.order_b._b2b_payment_offer()
        self.assertEqual(offer["shortfall"], 1000.0)
        self.assertEqual(offer["order_amount"], 1200.0)
        self.assertEqual(offer["over_limit"], 0.0)
        self.assertIn("total", offer["options"])
        self._post_invoice(self.dealer_p, 500.0, "2026-03-01", "2099-03-01")
        offer = self.order_b._b2b_payment_offer()
        self.assertEqual(offer["shortfall"], 1500.0)
        self.assertEqual(offer["over_limit"], 300.0)
        self.assertEqual(offer["options"], {"shortfall": 1500.0})
        html = self._get(self.order_b.get_portal_url(), self.finance_p.login).text
        self.assertIn('id="b2b_order_pay_over_limit"', html)
        self.assertIn('id="b2b_order_pay_shortfall"', html)
        self.assertNotIn('id="b2b_order_pay_total"', html)
        self.assertEqual(self._value(html, "b2b_order_shortfall"), 1500.0)
        # the pay page asked for the whole order asks the shortfall
        pay = self._get(
            f"/my/b2b/orders/{self.order_b.id}/pay?kind=total", self.finance_p.login
        ).text
        self.assertEqual(self._value(pay, "b2b_pay_amount"), 1500.0)
        self.assertNotIn('id="b2b_pay_switch"', pay)
        self.assertNotIn("part of the order", pay)

    def test_offline_slip_releases_that_order(self):
        slip = self._slip(self.order_a, 500.0)
        self.assertEqual(slip.order_id, self.order_a)
        self.assertEqual(self.order_a.state, "draft", "declared is not confirmed")
        # the order page says the transfer waits for finance
        html = self._get(self.order_a.get_portal_url(), self.finance_p.login).text
        self.assertIn('id="b2b_order_payment_waiting"', html)
        self.assertIn("waiting for finance", html)
        self.assertNotIn('id="b2b_order_pay_shortfall"', html)
        self._confirm(slip)
        self.assertEqual(slip.state, "confirmed")
        self.assertEqual(self.order_a.state, "sale")
        self.assertFalse(self.order_a.b2b_submit_error)
        # the other order stays refused; it now takes the whole limit
        self.assertEqual(self.order_b.state, "draft")
        self.assertEqual(self.order_b.b2b_buyer_status, "refused")
        self.assertEqual(self.order_b._b2b_credit_shortfalls(), {self.order_b: 1200.0})

    def test_release_submits_as_the_orders_buyer(self):
        """The order goes on in the name of the buyer who submitted it, not
        of the payer: the finance buyer may be the dealer's approver, whose
        own submission the approval rules refuse (seen in the demo)."""
        SaleOrder = self.env.registry["sale.order"]
        original = SaleOrder._b2b_buyer_submit
        submitters = []

        def spy(orders, *args, **kwargs):
            submitters.append(orders.env.user)
            return original(orders, *args, **kwargs)

        with patch.object(SaleOrder, "_b2b_buyer_submit", spy):
            self._confirm(self._slip(self.order_a, 500.0))
        self.assertEqual(submitters, [self.purchaser_p])
        self.assertEqual(self.order_a.state, "sale")

    def test_offline_total_covers_other_order(self):
        """Paying the whole order of A releases A; B is covered by what is
        left (1,500 paid, A takes 1,500: B's shortfall back to 200) and
        stays refused until its own payment or submission."""
        self._confirm(self._slip(self.order_a, 1500.0))
        self.assertEqual(self.order_a.state, "sale")
        self.assertEqual(self.order_b.state, "draft")
        self.assertEqual(self.order_b.b2b_credit_shortfall, 200.0)
        self._confirm(self._slip(self.order_b, 200.0, reference="OP-2"))
        self.assertEqual(self.order_b.state, "sale")

    def test_pending_transfer_no_second_payment(self):
        """A transfer declared for the order: the order page says it waits
        for finance instead of the pay options, the pay page, the form and
        the transaction route refuse a second payment; a rejection brings
        the options back with its reason."""
        slip = self._slip(self.order_a, 500.0)
        offer = self.order_a._b2b_payment_offer()
        self.assertEqual(offer["pending"], slip)
        self.assertEqual(offer["options"], {})
        self.assertEqual(self.order_a._b2b_payment_amounts(), {})
        html = self._get(self.order_a.get_portal_url(), self.finance_p.login).text
        self.assertIn('name="b2b_order_payment_pending"', html)
        self.assertNotIn('id="b2b_order_pay"', html)
        self.assertNotIn('id="b2b_order_pay_shortfall"', html)
        # the pay page and the form go back to the order
        for url in (
            f"/my/b2b/orders/{self.order_a.id}/pay",
            f"/my/b2b/payments/new?order_id={self.order_a.id}",
        ):
            response = self._get(url, self.finance_p.login)
            self.assertIn('name="b2b_order_payment_pending"', response.text, url)
            self.assertNotIn('id="b2b_pay_amount"', response.text, url)
        with self.assertRaisesRegex(UserError, "waiting for finance"):
            self._slip(self.order_a, 500.0, reference="OP-2")
        # the other order is not concerned
        self.assertTrue(self.order_b._b2b_payment_amounts())
        # rejected: the options are back, with the reason
        slip.with_user(self.accountant)._b2b_reject("No such transfer received")
        self.assertEqual(self.order_a._b2b_payment_offer()["rejected"], slip)
        html = self._get(self.order_a.get_portal_url(), self.finance_p.login).text
        self.assertIn('id="b2b_order_pay_shortfall"', html)
        self.assertIn('id="b2b_order_payment_rejected"', html)
        self.assertIn("No such transfer received", html)
        self.assertEqual(
            self._slip(self.order_a, 500.0, reference="OP-3").amount, 500.0
        )

    def test_partial_payment_keeps_blocked(self):
        self._confirm(self._slip(self.order_a, 300.0))
        self.assertEqual(self.order_a.state, "draft")
        self.assertEqual(self.order_a.b2b_buyer_status, "refused")
        self.assertEqual(self.order_a.b2b_credit_shortfall, 200.0)
        self.assertIn(
            "still exceeds the available credit",
            self.order_a.message_ids[:1].body,
        )

    def test_online_payment_releases_that_order(self):
        tx = self._online(self.order_a, 500.0)
        self.assertEqual(tx.state, "done")
        self.assertIn(tx.payment_id.state, ("in_process", "paid"))
        self.assertEqual(self.order_a.state, "sale")
        self.assertEqual(self.order_b.state, "draft")
        self.assertEqual(self.order_b.b2b_credit_shortfall, 1200.0)

    def test_online_whole_order(self):
        """sale would confirm a quotation paid in full before its payment
        is posted: the flagged transaction confirms it after."""
        self._online(self.order_a, 1500.0)
        self.assertEqual(self.order_a.state, "sale")

    def test_online_partial(self):
        self._online(self.order_a, 100.0)
        self.assertEqual(self.order_a.state, "draft")
        self.assertEqual(self.order_a.b2b_credit_shortfall, 400.0)

    def test_no_payment_for_other_refusals(self):
        # minimum order amount (b2b_pricing's order rule): refused for it
        # and for credit, nothing to pay
        self.env["b2b.order.rule"].create(
            {
                "name": "Minimum 5,000",
                "rule_type": "amount",
                "applied_on": "all",
                "min_amount": 5000.0,
                "mode": "block",
            }
        )
        self.assertFalse((self.order_a | self.order_b)._b2b_credit_shortfalls())
        with self.assertRaises(UserError):
            self._slip(self.order_a, 500.0)

    def test_no_payment_overdue_or_draft(self):
        # Dealer One has invoices overdue: a refusal for overdue and limit
        order = self._refused_order(15, user=self.purchaser)
        self.assertFalse(order._b2b_credit_shortfalls())
        # a draft not submitted (nor refused) offers no payment
        draft = self._b2b_order(
            self.purchaser_p.partner_id, [(self.widget, 15)]
        ).with_env(self.env)
        self.assertFalse(draft._b2b_credit_shortfalls())
        # without a blocking policy the order passes: nothing to pay
        self._set_policy("order", "warn")
        self.assertFalse(self.order_a._b2b_credit_shortfalls())


@tagged("post_install", "-at_install")
class TestOrderPaymentAccess(B2bOrderPaymentCommon):
    def test_who_may_pay(self):
        order = self.order_a
        self.assertTrue(order._b2b_can_pay_shortfall(self.finance_p))
        self.assertTrue(order._b2b_can_pay_shortfall(self.admin_p))
        for user in (self.purchaser_p, self.approver_p, self.finance_b, self.finance):
            self.assertFalse(order._b2b_can_pay_shortfall(user), user.login)
        self.company.b2b_finance_purchaser_pay = True
        self.assertTrue(order._b2b_can_pay_shortfall(self.purchaser_p))
        self.assertFalse(order._b2b_can_pay_shortfall(self.approver_p))
        # the backend user is no payer
        self.assertFalse(order._b2b_can_pay_shortfall(self.accountant))

    def test_declare_refused(self):
        for user in (self.purchaser_p, self.approver_p, self.finance_b, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._slip(self.order_a, 500.0, user=user)
        self.company.b2b_finance_purchaser_pay = True
        slip = self._slip(self.order_a, 500.0, user=self.purchaser_p)
        self.assertEqual(slip.declared_by_id, self.purchaser_p)

    def test_portal_order_page(self):
        url = self.order_a.get_portal_url()
        html = self._get(url, self.finance_p.login).text
        self.assertIn('id="b2b_order_pay_shortfall"', html)
        self.assertEqual(self._value(html, "b2b_order_shortfall"), 500.0)
        html = self._get(url, self.purchaser_p.login).text
        self.assertIn('data-status="refused"', html)
        self.assertNotIn('id="b2b_order_pay"', html)
        self.company.b2b_finance_purchaser_pay = True
        html = self._get(url, self.purchaser_p.login).text
        self.assertIn('id="b2b_order_pay_shortfall"', html)

    def test_pay_pages(self):
        pay = f"/my/b2b/orders/{self.order_a.id}/pay"
        declare = f"/my/b2b/payments/new?order_id={self.order_a.id}"
        response = self._get(pay + "?kind=total", self.finance_p.login)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._value(response.text, "b2b_pay_amount"), 1500.0)
        response = self._get(declare, self.admin_p.login)
        self.assertIn('name="order_id"', response.text)
        self.assertIn('value="500.00"', response.text)
        for login, status in (
            (self.purchaser_p.login, 403),
            (self.approver_p.login, 403),
            (self.finance_b.login, 404),
            (self.finance.login, 404),
        ):
            for url in (pay, declare):
                with self.subTest(login=login, url=url):
                    self.assertEqual(self._get(url, login).status_code, status)
        # another dealer's order posted to the form: refused, nothing made
        self.authenticate(self.finance_b.login, self.finance_b.login)
        response = self.url_open(
            "/my/b2b/payments/new",
            data={
                "order_id": str(self.order_a.id),
                "amount": "500",
                "date": "2026-03-01",
                "bank_reference": "X",
                "csrf_token": http.Request.csrf_token(self),
            },
            files={"slip_file": ("slip.png", PNG, "image/png")},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.order_a.b2b_payment_slip_ids)

    def _json(self, url, login, params):
        self.authenticate(login, login)
        return self.url_open(
            url,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        ).json()

    def test_transaction_route(self):
        provider = self.provider
        url = f"/my/b2b/orders/{self.order_a.id}/pay/shortfall/transaction"
        params = {
            "provider_id": provider.id,
            "payment_method_id": provider.payment_method_ids[:1].id,
            "token_id": None,
            "amount": 500.0,
            "flow": "redirect",
            "tokenization_requested": False,
            "landing_route": self.order_a.get_portal_url(),
            "is_validation": False,
        }
        # another dealer's finance user, a changed amount: refused
        self.assertIn("error", self._json(url, self.finance_b.login, params))
        wrong = dict(params, amount=1.0)
        self.assertIn("error", self._json(url, self.finance_p.login, wrong))
        result = self._json(url, self.finance_p.login, params)
        self.assertIn("result", result, result)
        tx = self.order_a.sudo().transaction_ids
        self.assertEqual(len(tx), 1)
        # the whole order of a dealer already over its limit is not offered:
        # a forged "total" is refused
        self._post_invoice(self.dealer_p, 1300.0, "2026-03-01", "2099-03-01")
        total_url = f"/my/b2b/orders/{self.order_b.id}/pay/total/transaction"
        forged = dict(params, amount=1200.0)
        self.assertIn("error", self._json(total_url, self.finance_p.login, forged))
        self.assertFalse(self.order_b.sudo().transaction_ids)
        # a transfer waiting for finance: no online payment either
        self._slip(self.order_b, 1500.0, reference="OP-TX")
        short_url = f"/my/b2b/orders/{self.order_b.id}/pay/shortfall/transaction"
        pending = dict(params, amount=1500.0)
        self.assertIn("error", self._json(short_url, self.finance_p.login, pending))
        self.assertFalse(self.order_b.sudo().transaction_ids)
        self.assertEqual(tx.amount, 500.0)
        self.assertTrue(tx.b2b_credit_release)
        self.assertEqual(tx.partner_id, self.finance_p.partner_id)

    def test_rpc_other_dealer(self):
        """Over JSON-RPC, Dealer Two's finance user reads nothing of Dealer
        Pay's order and cannot call the private methods."""
        login = self.finance_b.login
        for method, args in (
            ("read", [self.order_a.ids, ["b2b_credit_shortfall"]]),
            ("_b2b_payment_amounts", [self.order_a.ids]),
            ("_b2b_credit_release", [self.order_a.ids]),
        ):
            with self.subTest(method=method):
                result = self._json(
                    "/web/dataset/call_kw",
                    login,
                    {
                        "model": "sale.order",
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                )
                self.assertIn("error", result, result)
        self.assertEqual(self.order_a.state, "draft")

    def test_bank_account_shown(self):
        """The pay page and the declaration form show the company's bank
        account to transfer to (Odoo's res.partner.bank), none without."""
        pay = f"/my/b2b/orders/{self.order_a.id}/pay"
        declare = f"/my/b2b/payments/new?order_id={self.order_a.id}"
        # sudo: no bank account of the company in the test data (the
        # template's demo one is archived here)
        accounts = (
            self.env["res.partner.bank"]
            .sudo()
            .search([("partner_id", "=", self.company.partner_id.id)])
        )
        self.bank.bank_account_id = False
        accounts.action_archive()
        for url in (pay, declare, "/my/b2b/payments/new"):
            self.assertNotIn(
                'id="b2b_bank_accounts"', self._get(url, self.finance_p.login).text
            )
        bank = self.env["res.bank"].create({"name": "Test Bank of Shanghai"})
        account = self.env["res.partner.bank"].create(
            {
                "partner_id": self.company.partner_id.id,
                "acc_number": "6217 0000 5555 0001",
                "acc_holder_name": "Test Holder Ltd",
                "bank_id": bank.id,
            }
        )
        self.bank.bank_account_id = account
        for url in (pay, declare, "/my/b2b/payments/new"):
            with self.subTest(url=url):
                html = self._get(url, self.finance_p.login).text
                self.assertIn('id="b2b_bank_accounts"', html)
                self.assertIn("6217 0000 5555 0001", html)
                self.assertIn("Test Holder Ltd", html)
                self.assertIn("Test Bank of Shanghai", html)
