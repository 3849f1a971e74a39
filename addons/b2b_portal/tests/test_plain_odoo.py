# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bPlainPortalMixin, B2bPortalHttpCommon

#: Odoo's own home counters
ODOO_COUNTERS = ["quotation_count", "order_count", "invoice_count"]


@tagged("post_install", "-at_install")
class TestPlainOdooPortal(B2bPlainPortalMixin, B2bPortalHttpCommon):
    """``CustomerPortal.home`` (``/my``, ``/my/home``),
    ``_prepare_home_portal_values`` (``/my/counters``),
    ``_prepare_quotations_domain`` (``/my/quotes``),
    ``_prepare_orders_domain`` (``/my/orders``), ``_get_invoices_domain``
    (``/my/invoices``) and ``portal_order_page`` (``/my/orders/<id>``): a
    portal user of a customer that is not a dealer, and an internal user
    without B2B groups, get Odoo's pages, lists and counts, and the suite
    runs no query of its tables; a dealer's buyer gets the workspace."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order_plain_confirmed = cls._b2b_order(cls.customer, [(cls.mug, 12)])
        cls.order_plain_confirmed.message_subscribe(partner_ids=cls.customer.ids)
        cls.order_plain_confirmed.action_confirm()
        cls.invoice_plain = cls._create_invoice(cls.customer, 120.0)
        # Odoo's portal lists sent quotations (drafts are the seller's)
        cls.quote_plain = cls._b2b_order(cls.customer, [(cls.cap, 5)])
        cls.quote_plain.message_subscribe(partner_ids=cls.customer.ids)
        cls.quote_plain.action_quotation_sent()
        cls.internal = cls._b2b_internal_user("b2b_plain_portal_internal")

    def test_home(self):
        for url in ("/my", "/my/home"):
            self._b2b_assert_plain_page("p_plain", url, "o_portal_my_home")
        self._b2b_assert_plain_page(
            "b2b_plain_portal_internal", "/my", "o_portal_my_home"
        )

    def test_counters(self):
        """Odoo's counts: one (sent) quotation, one order, one invoice."""
        values, queries = self._b2b_plain_counters("p_plain", ODOO_COUNTERS)
        self.assertEqual(
            values, {"quotation_count": 1, "order_count": 1, "invoice_count": 1}
        )
        self.assertEqual(self._b2b_tables(queries), {})

    def test_lists(self):
        """The lists hold the customer's documents, as Odoo's domains."""
        quotes = self._b2b_assert_plain_page("p_plain", "/my/quotes")
        self.assertIn(self.quote_plain.name, quotes.text)
        # the draft is not listed, as in Odoo (a dealer's drafts are)
        self.assertNotIn(self.order_plain.name, quotes.text)
        self.assertNotIn(self.order_a1.name, quotes.text)
        orders = self._b2b_assert_plain_page("p_plain", "/my/orders")
        self.assertIn(self.order_plain_confirmed.name, orders.text)
        self.assertNotIn(self.order_plain.name, orders.text)
        invoices = self._b2b_assert_plain_page("p_plain", "/my/invoices")
        self.assertIn(self.invoice_plain.name, invoices.text)

    def test_order_page(self):
        """Odoo's quotation and order pages: no submit / reorder / save."""
        for order in (self.quote_plain, self.order_plain_confirmed):
            page = self._b2b_assert_plain_page(
                "p_plain", f"/my/orders/{order.id}", "sale_order_sidebar_button"
            )
            self.assertIn(order.name, page.text)

    def test_order_page_with_token(self):
        """The order page opened with its access token (a link in Odoo's
        e-mail), by the portal user and by an internal user."""
        order = self.order_plain_confirmed
        url = f"/my/orders/{order.id}?access_token={order._portal_ensure_token()}"
        self._b2b_assert_plain_page("p_plain", url, order.name)
        self._b2b_assert_plain_page("b2b_plain_portal_internal", url, order.name)

    def test_dealer_buyer_sees_workspace(self):
        """(The markers are real) a dealer's buyer gets the workspace."""
        response, __ = self._b2b_plain_get("pa_buyer", "/my")
        self.assertIn('id="b2b_portal_home"', response.text)
        response, __ = self._b2b_plain_get("pa_buyer", f"/my/orders/{self.order_a1.id}")
        self.assertIn('id="b2b_order_actions"', response.text)
