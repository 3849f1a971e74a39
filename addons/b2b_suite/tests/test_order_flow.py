# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The dealer's order flow through the portal, as a buyer and an approver
follow it: what stops an order is said at submit time, before anybody
approves; one status per order; edit and resubmit; decide from the order."""

from odoo import Command, http
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class OrderFlowCommon(B2bTestFactory, HttpCase):
    """A dealer with a credit limit of 1,000 (block), two delivery addresses
    (a default one), a purchaser, an approver for orders above 300."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        env = cls.env
        cls.tier = env["b2b.dealer.tier"].create(
            {
                "name": "Flow Tier",
                "code": "FL-T",
                "company_id": False,
                "b2b_credit_policy_order": "block",
            }
        )
        cls.dealer = cls._b2b_dealer("Flow Dealer", "FL-D", cls.tier, state="approved")
        cls.dealer.credit_limit = 1000.0
        cls.depot = env["res.partner"].create(
            {"name": "Flow Depot North", "type": "delivery", "parent_id": cls.dealer.id}
        )
        cls.depot_main = env["res.partner"].create(
            {"name": "Flow Depot Main", "type": "delivery", "parent_id": cls.dealer.id}
        )
        cls.dealer.b2b_delivery_address_id = cls.depot_main
        cls.purchaser = cls._b2b_buyer(cls.dealer, "fl_purchaser")
        cls.approver = cls._b2b_buyer(cls.dealer, "fl_approver", ("approver",))
        cls.product = cls._b2b_product("Flow Pump", "FL-PUMP", 100.0, taxes_id=False)
        cls.valve = cls._b2b_product("Flow Valve", "FL-VALVE", 10.0, taxes_id=False)
        # the dealer's own approval of orders above 300
        env["b2b.approval.rule"].create(
            {
                "name": "Flow large orders",
                "model_id": env["ir.model"]._get("sale.order").id,
                "scope": "dealer",
                "domain": "[('amount_untaxed', '>', 300)]",
                "auto_transition": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Dealer approver",
                            "approver_type": "role",
                            "role_id": env.ref("b2b_base.b2b_buyer_role_approver").id,
                        }
                    )
                ],
            }
        )

    def _order(self, qty):
        order = self._b2b_order(
            self.purchaser.partner_id,
            [(self.product, qty)],
            user=self.purchaser,
            sudo=True,
            require_signature=False,
            require_payment=False,
        ).with_env(self.env)
        # the buyer follows the orders they place, as the quick order does
        order.message_subscribe(partner_ids=self.purchaser.partner_id.ids)
        order._portal_ensure_token()
        return order

    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )

    def _requests(self, order):
        return self.env["b2b.approval.request"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        )

    def _page(self, order):
        return self.url_open(f"/my/orders/{order.id}").text


@tagged("post_install", "-at_install")
class TestOrderFlow(OrderFlowCommon):
    def test_default_delivery_address(self):
        order = self._order(1)
        self.assertEqual(order.partner_shipping_id, self.depot_main)
        addresses = order._b2b_buyer_delivery_addresses()
        self.assertEqual(addresses[0], self.depot_main)
        self.assertIn(self.depot, addresses)

    def test_refused_for_credit_before_approval(self):
        """Over the credit limit (1,500 > 1,000) and above the approval
        amount: refused at once with the reason, nobody is asked."""
        order = self._order(15)
        self.authenticate("fl_purchaser", "fl_purchaser")
        response = self._post(f"/my/b2b/orders/{order.id}/submit")
        self.assertIn("b2b_submit=refused", response.url)
        self.assertIn("cannot pass this step", response.text)
        self.assertFalse(self._requests(order))
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.b2b_buyer_status, "refused")
        self.assertIn("cannot pass this step", order.b2b_buyer_status_reason)
        # the list says it too, and the reason stays on the order page
        quotes = self.url_open("/my/quotes").text
        self.assertIn('data-status="refused"', quotes)
        self.assertIn("cannot pass this step", self._page(order))
        # fixed by changing the lines: draft again, then waiting
        self._post(
            f"/my/b2b/orders/{order.id}/lines", **{f"qty_{order.order_line.id}": "5"}
        )
        self.assertEqual(order.b2b_buyer_status, "draft")
        self._post(f"/my/b2b/orders/{order.id}/submit")
        self.assertEqual(order.b2b_buyer_status, "waiting_dealer")

    def test_submit_with_details_then_approve_from_the_order(self):
        order = self._order(5)
        self.authenticate("fl_purchaser", "fl_purchaser")
        response = self._post(
            f"/my/b2b/orders/{order.id}/submit",
            client_order_ref="PO-4711",
            partner_shipping_id=str(self.depot.id),
            commitment_date="2099-01-15",
            b2b_note="Deliver to gate 3",
        )
        self.assertIn("b2b_submit=waiting", response.url)
        self.assertEqual(order.client_order_ref, "PO-4711")
        self.assertEqual(order.partner_shipping_id, self.depot)
        self.assertEqual(str(order.commitment_date.date()), "2099-01-15")
        self.assertIn("gate 3", str(order.note))
        self.assertEqual(order.b2b_buyer_status, "waiting_dealer")
        request = self._requests(order)
        self.assertEqual(request.requester_id, self.purchaser)
        # waiting: no second submit
        page = self._page(order)
        self.assertNotIn('id="b2b_order_submit"', page)
        self.assertIn("Waiting for our approver", page)
        self.assertIn("PO-4711", self.url_open("/my/quotes").text)
        # the approver decides from the order page
        self.authenticate("fl_approver", "fl_approver")
        page = self.url_open(order.get_portal_url()).text
        self.assertIn('name="b2b_order_decision"', page)
        line = request.line_ids
        response = self._post(
            f"/my/b2b/approvals/{line.id}/approve", b2b_back="order", comment="ok"
        )
        self.assertIn(f"/my/orders/{order.id}", response.url)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.b2b_buyer_status, "confirmed")
        # the PO number is printed on the order
        html = self.env["ir.actions.report"]._render_qweb_html(
            "sale.action_report_saleorder", order.ids
        )[0]
        self.assertIn(b"PO-4711", html)

    def test_rejected_edit_and_resubmit(self):
        order = self._order(5)
        self.authenticate("fl_purchaser", "fl_purchaser")
        self._post(f"/my/b2b/orders/{order.id}/submit")
        line = self._requests(order).line_ids
        self.authenticate("fl_approver", "fl_approver")
        self._post(
            f"/my/b2b/approvals/{line.id}/reject", b2b_back="order", comment="Too many"
        )
        self.assertEqual(order.b2b_buyer_status, "rejected")
        self.assertEqual(order.b2b_buyer_status_reason, "Too many")
        self.authenticate("fl_purchaser", "fl_purchaser")
        page = self._page(order)
        self.assertIn("Too many", page)
        self.assertIn('id="b2b_order_lines_editor"', page)
        # edit: fewer pumps, add valves by SKU
        self._post(
            f"/my/b2b/orders/{order.id}/lines",
            **{
                f"qty_{order.order_line.id}": "4",
                "new_sku": "FL-VALVE",
                "new_qty": "3",
            },
        )
        self.assertEqual(
            sorted(
                (ln.product_id.default_code, ln.product_uom_qty)
                for ln in order.order_line
            ),
            [("FL-PUMP", 4.0), ("FL-VALVE", 3.0)],
        )
        self._post(f"/my/b2b/orders/{order.id}/submit")
        self.assertEqual(order.b2b_buyer_status, "waiting_dealer")
        requests = self._requests(order)
        self.assertEqual(sorted(requests.mapped("state")), ["pending", "rejected"])
        # the timeline keeps both rounds
        page = self._page(order)
        self.assertEqual(page.count('name="b2b_approval_request"'), 2)

    def test_approved_but_credit_changed_is_told(self):
        """An approved order moves on by itself; when its confirmation is
        refused meanwhile (the credit got short while it waited), the
        approval stands and the purchaser is told why."""
        order = self._order(5)
        self.authenticate("fl_purchaser", "fl_purchaser")
        self._post(f"/my/b2b/orders/{order.id}/submit")
        self.assertEqual(order.b2b_buyer_status, "waiting_dealer")
        self.dealer.credit_limit = 100.0
        line = self._requests(order).line_ids
        self.authenticate("fl_approver", "fl_approver")
        self._post(f"/my/b2b/approvals/{line.id}/approve", b2b_back="order")
        self.assertEqual(self._requests(order).state, "approved")
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.b2b_buyer_status, "refused")
        self.assertIn("cannot pass this step", order.b2b_buyer_status_reason)
        notified = self.env["mail.message"].search(
            [
                ("model", "=", "sale.order"),
                ("res_id", "=", order.id),
                ("body", "ilike", "could not be confirmed"),
            ]
        )
        self.assertIn(self.purchaser.partner_id, notified.partner_ids)

    def test_invalid_changes_change_nothing(self):
        order = self._order(2)
        self.authenticate("fl_purchaser", "fl_purchaser")
        response = self._post(
            f"/my/b2b/orders/{order.id}/lines",
            **{f"qty_{order.order_line.id}": "1", "new_sku": "FL-NOPE"},
        )
        self.assertIn("b2b_submit=invalid", response.url)
        self.assertIn("Unknown product FL-NOPE", response.text)
        self.assertEqual(order.order_line.product_uom_qty, 2.0)
        response = self._post(
            f"/my/b2b/orders/{order.id}/details",
            partner_shipping_id=str(self.env.ref("base.main_partner").id),
        )
        self.assertIn("Choose one of your delivery addresses", response.text)
        self.assertEqual(order.partner_shipping_id, self.depot_main)
        response = self._post(
            f"/my/b2b/orders/{order.id}/details", commitment_date="2001-01-01"
        )
        self.assertIn("today or later", response.text)
        # a confirmed order cannot be changed any more
        order.sudo().action_confirm()
        response = self._post(
            f"/my/b2b/orders/{order.id}/lines", **{f"qty_{order.order_line.id}": "9"}
        )
        self.assertIn("cannot be changed", response.text)
        self.assertEqual(order.order_line.product_uom_qty, 2.0)

    def test_unique_po_number_per_dealer(self):
        first = self._order(1)
        first.client_order_ref = "PO-1"
        second = self._order(1)
        second.client_order_ref = "PO-1"  # allowed: the company does not ask
        self.env.company.b2b_unique_client_ref = True
        third = self._order(1)
        with self.assertRaisesRegex(ValidationError, "PO-1"):
            third.client_order_ref = "PO-1"
        # cancelled orders free their number
        (first | second)._action_cancel()
        third.client_order_ref = "PO-1"
        self.assertEqual(third.client_order_ref, "PO-1")


@tagged("post_install", "-at_install")
class TestOrderFlowTours(OrderFlowCommon):
    """The same flows in Chromium, at desktop width."""

    def test_tour_submit_with_details(self):
        order = self._order(5)
        self.start_tour(
            order.get_portal_url(), "b2b_order_submit_details", login="fl_purchaser"
        )
        self.assertEqual(order.client_order_ref, "PO-TOUR-1")
        self.assertEqual(order.partner_shipping_id, self.depot)
        self.assertEqual(str(order.commitment_date.date()), "2099-01-15")
        self.assertEqual(order.b2b_buyer_status, "waiting_dealer")

    def test_tour_refused_credit(self):
        order = self._order(15)
        self.start_tour(
            order.get_portal_url(), "b2b_order_refused_credit", login="fl_purchaser"
        )
        self.assertFalse(self._requests(order))
        self.assertEqual(order.b2b_buyer_status, "refused")

    def test_tour_edit_resubmit(self):
        order = self._order(5)
        order.with_user(self.purchaser).sudo().action_confirm()
        line = self._requests(order).line_ids
        line.with_user(self.approver).action_reject("Too many pumps")
        self.start_tour(
            order.get_portal_url(), "b2b_order_edit_resubmit", login="fl_purchaser"
        )
        self.assertEqual(order.order_line.product_uom_qty, 4.0)
        self.assertEqual(
            sorted(self._requests(order).mapped("state")), ["pending", "rejected"]
        )

    def test_tour_approve_from_page(self):
        order = self._order(5)
        order.with_user(self.purchaser).sudo().action_confirm()
        self.start_tour(
            order.get_portal_url(), "b2b_order_approve_from_page", login="fl_approver"
        )
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestOrderFlowToursPhone(TestOrderFlowTours):
    """The same tours on a 375 px wide phone."""

    browser_size = "375x667"
    touch_enabled = True
    # Odoo's loader runs only the methods a class defines, unless told so
    allow_inherited_tests_method = True
