# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import B2bSaleCommon


@tagged("post_install", "-at_install")
class TestSaleOrderDealer(B2bSaleCommon):
    def test_non_dealer_confirms(self):
        order = self._order(self.customer)
        self.assertFalse(order.b2b_tier_id)
        self.assertFalse(order._confirmation_error_message())
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_prospect_dealer_refused(self):
        order = self._order(self.dealer)
        self.assertEqual(order.b2b_tier_id, self.tier)
        msg = "The dealer Hengtong Trading cannot order: its status is Prospect"
        self.assertIn(msg, order._confirmation_error_message())
        with self.assertRaisesRegex(UserError, msg):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_refused_in_every_non_approved_state(self):
        order = self._order(self.dealer_contact)
        for state, label in (
            ("applied", "Applied"),
            ("review", "Under Review"),
        ):
            self._set_state(state)
            with self.assertRaisesRegex(UserError, f"its status is {label}"):
                order.action_confirm()
        self._set_state("approved")
        self._set_state("suspended")
        with self.assertRaisesRegex(
            UserError, "Hengtong Trading cannot order: its status is Suspended"
        ):
            order.action_confirm()
        self._set_state("terminated")
        with self.assertRaisesRegex(UserError, "its status is Terminated"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_approved_dealer_confirms_via_contact(self):
        self._set_state("applied", "review", "approved")
        order = self._order(self.dealer_contact)
        self.assertEqual(order.b2b_tier_id, self.tier)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_suspension_is_immediate(self):
        self._set_state("applied", "review", "approved")
        order = self._order(self.dealer)
        sent = self._order(self.dealer)
        sent.action_quotation_sent()
        self._set_state("suspended")
        for quote in (order, sent):
            with self.assertRaisesRegex(UserError, "its status is Suspended"):
                quote.action_confirm()
        self._set_state("approved")
        (order | sent).action_confirm()
        self.assertEqual(set((order | sent).mapped("state")), {"sale"})

    def test_standard_error_kept(self):
        """Odoo's own confirmation errors still come first."""
        order = self._order(self.customer)
        order.action_confirm()
        self.assertEqual(
            order._confirmation_error_message(),
            "Some orders are not in a state requiring confirmation.",
        )

    def test_sales_user_reads_tier(self):
        """A salesperson without any dealer group sees the tier on the order."""
        order = self._order(self.dealer)
        self.assertFalse(
            self.salesman.has_group("b2b_base.b2b_base_group_salesman_own")
        )
        data = order.with_user(self.salesman).web_read(
            {"b2b_tier_id": {"fields": {"display_name": {}}}}
        )
        self.assertEqual(data[0]["b2b_tier_id"]["display_name"], "Gold")
        view = order.with_user(self.salesman).get_views([(False, "form")])
        self.assertIn("b2b_tier_id", view["views"]["form"]["arch"])

    def test_tier_filter(self):
        order = self._order(self.dealer)
        other = self._order(self.customer)
        SaleOrder = self.env["sale.order"].with_user(self.salesman)
        found = SaleOrder.search(
            [("id", "in", (order | other).ids), ("b2b_tier_id", "=", self.tier.id)]
        )
        self.assertEqual(found, order)
        found = SaleOrder.search(
            [("id", "in", (order | other).ids), ("b2b_tier_id", "=", False)]
        )
        self.assertEqual(found, other)
