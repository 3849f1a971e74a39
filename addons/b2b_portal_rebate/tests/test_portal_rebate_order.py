# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import html as lxml_html

from odoo import http
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


@tagged("post_install", "-at_install")
class TestPortalRebateOrder(B2bTestFactory, HttpCase):
    """The dealer's buyer sees its rebate balance on a quotation and applies
    it (the model's one method: cap, ledger); another dealer's buyer cannot."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.b2b_rebate_order_cap = 10.0
        cls.dealer = cls._b2b_dealer(
            "PRO Dealer", "PRO-A", state="approved", company_id=cls.company.id
        )
        cls.dealer_b = cls._b2b_dealer(
            "PRO Dealer B", "PRO-B", state="approved", company_id=cls.company.id
        )
        cls.buyer = cls._b2b_buyer(cls.dealer, "pro_buyer")
        cls.buyer_b = cls._b2b_buyer(cls.dealer_b, "pro_buyer_b")
        cls.product = cls._b2b_product("PRO Cup", "PRO-CUP", 10.0, taxes_id=False)
        cls.balance = cls.env["b2b.rebate.balance"]._b2b_get(cls.dealer, cls.company)
        cls.balance._b2b_move(300.0, "adjustment", "opening balance")
        # the buyer's quotation, followed by the buyer (as the portal's own
        # orders are)
        cls.order = cls._b2b_order(
            cls.buyer.partner_id,
            [(cls.product, 200, {"price_unit": 10.0, "tax_id": False})],
        )
        cls.order.message_subscribe(partner_ids=cls.buyer.partner_id.ids)

    def _post(self, url, data=None):
        data = dict(data or {}, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data)

    @staticmethod
    def _text(tree, name):
        return tree.xpath(f'//*[@name="{name}"]')[0].text_content()

    def _page(self):
        response = self.url_open(self.order.get_portal_url())
        self.assertEqual(response.status_code, 200)
        return lxml_html.fromstring(response.text)

    def test_buyer_applies_the_balance(self):
        self.authenticate(self.buyer.login, self.buyer.login)
        tree = self._page()
        self.assertIn("300.00", self._text(tree, "b2b_order_rebate_available"))
        button = tree.xpath('//*[@id="b2b_order_rebate_apply"]')[0]
        self.assertIn("200.00", button.text_content())  # 10 % of 2,000
        response = self._post(f"/my/b2b/orders/{self.order.id}/rebate")
        self.assertEqual(response.status_code, 200)
        line = self.order.order_line.filtered("b2b_is_rebate_line")
        self.assertEqual(line.price_unit, -200.0)
        self.assertEqual(self.balance.amount, 100.0)
        ledger = self.env["b2b.rebate.ledger"].search(
            [("sale_order_id", "=", self.order.id)]
        )
        self.assertEqual((ledger.amount, ledger.user_id), (-200.0, self.buyer))
        tree = self._page()
        self.assertIn("200.00", self._text(tree, "b2b_order_rebate_used"))
        self.assertFalse(tree.xpath('//*[@id="b2b_order_rebate_apply"]'), "all applied")
        # the rebate line is not in the lines editor
        editor = tree.xpath('//*[@name="b2b_edit_line"]')
        self.assertEqual(len(editor), 1)
        self.assertNotIn(f"qty_{line.id}", lxml_html.tostring(tree).decode())
        # the buyer takes it off again
        self._post(f"/my/b2b/orders/{self.order.id}/rebate", {"remove": "1"})
        self.assertFalse(self.order.order_line.filtered("b2b_is_rebate_line"))
        self.assertEqual(self.balance.amount, 300.0)
        # the rebate page shows the balance and its movements
        response = self.url_open("/my/b2b/rebates")
        tree = lxml_html.fromstring(response.text)
        self.assertIn("300.00", self._text(tree, "b2b_rebate_balance_amount"))
        self.assertEqual(len(tree.xpath('//*[@name="b2b_rebate_balance_move"]')), 3)

    def test_other_dealer_cannot(self):
        self.authenticate(self.buyer_b.login, self.buyer_b.login)
        response = self._post(f"/my/b2b/orders/{self.order.id}/rebate")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.order.order_line.filtered("b2b_is_rebate_line"))
        self.assertEqual(self.balance.amount, 300.0)
        # its own balance only, also over RPC
        Balance = self.env["b2b.rebate.balance"].with_user(self.buyer_b)
        self.assertFalse(Balance.search([]))
        self.assertEqual(
            self.env["b2b.rebate.balance"].with_user(self.buyer).search([]),
            self.balance,
        )
