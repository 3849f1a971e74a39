# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPlainPortalMixin

from .common import B2bPortalApprovalCommon


@tagged("post_install", "-at_install")
class TestPlainOdooPortalApproval(B2bPlainPortalMixin, B2bPortalApprovalCommon):
    """``_b2b_home_values`` / ``_prepare_home_portal_values`` (the approvals
    card and its counter) and the approval timeline of the order page
    (``sale.sale_order_portal_content``): while dealers' orders wait for
    approval, a portal user of a customer that is not a dealer, and an
    internal user without B2B groups, get Odoo's home, counters and order
    page, and the suite runs no query of its tables; a dealer's approver
    gets the card and the timeline."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Approval Portal Plain", "is_company": True}
        )
        cls.plain = cls._b2b_buyer(cls.customer, "pap_plain", ())
        cls.internal = cls._b2b_internal_user("pap_plain_internal")
        cls.plain_order = cls._b2b_order(cls.plain.partner_id, [(cls.product, 9)])
        cls.plain_order.action_confirm()
        cls.dealer_order = cls._submit(cls.purchaser, 10)

    def test_dealer_order_waits(self):
        """(The setting is real) the dealer's order waits for its approver,
        the customer's order is confirmed."""
        self.assertEqual(self.dealer_order.state, "draft")
        self.assertTrue(self._request(self.dealer_order, "dealer"))
        self.assertEqual(self.plain_order.state, "sale")

    def test_home_and_counters(self):
        self._b2b_assert_plain_page("pap_plain", "/my", "o_portal_my_home")
        self._b2b_assert_plain_page("pap_plain_internal", "/my", "o_portal_my_home")
        values, queries = self._b2b_plain_counters(
            "pap_plain", ["order_count", "b2b_approval_count"]
        )
        self.assertEqual(values["order_count"], 1)
        self.assertEqual(values["b2b_approval_count"], 0)
        self.assertEqual(self._b2b_tables(queries), {})

    def test_order_page(self):
        """Odoo's order page, no approval timeline (none is looked up)."""
        order = self.plain_order
        url = f"/my/orders/{order.id}?access_token={order._portal_ensure_token()}"
        page = self._b2b_assert_plain_page("pap_plain", url, order.name)
        self.assertIn("sale_order_sidebar_button", page.text)
        self._b2b_assert_plain_page("pap_plain_internal", url, order.name)

    def test_approver_sees_card_and_timeline(self):
        response, __ = self._b2b_plain_get("pap_approver", "/my")
        self.assertIn('id="b2b_approval_card"', response.text)
        order = self.dealer_order
        url = f"/my/orders/{order.id}?access_token={order._portal_ensure_token()}"
        response, __ = self._b2b_plain_get("pap_approver", url)
        self.assertIn('id="b2b_approval_timeline"', response.text)
