# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.sale.models.sale_order import SaleOrder

from .common import B2bPortalHttpCommon


@tagged("post_install", "-at_install")
class TestPortalFlows(B2bPortalHttpCommon):
    """Quick order, submit, reorder, saved lists, catalogue and deliveries
    through the portal routes."""

    def _new_orders(self, before):
        return self.env["sale.order"].search(
            [("id", ">", before), ("partner_id", "=", self.a_buyer.partner_id.id)]
        )

    def _last_id(self):
        return self.env["sale.order"].search([], order="id desc", limit=1).id

    # Home -------------------------------------------------------------
    def test_home_dealer_block(self):
        self.order_a1.action_confirm()
        self.authenticate("pa_admin", "pa_admin")
        html = self.url_open("/my").text
        self.assertIn('id="b2b_portal_home"', html)
        self.assertIn('id="b2b_portal_home_cards"', html)
        self.assertIn('id="b2b_portal_home_panels"', html)
        self.assertIn("Silver", html)
        self.assertIn("/my/b2b/team", html)
        self.authenticate("p_plain", "p_plain")
        self.assertNotIn('id="b2b_portal_home"', self.url_open("/my").text)
        # the dealer routes do not exist for plain portal users
        self.assertEqual(self.url_open("/my/b2b/catalogue").status_code, 404)

    # Quick order ------------------------------------------------------
    def test_lookup_json(self):
        self.authenticate("pa_buyer", "pa_buyer")
        result = self.make_jsonrpc_request(
            "/my/b2b/quick_order/lookup", {"sku": "B2B-SHIRT-RED", "qty": "3"}
        )
        self.assertTrue(result["ok"])
        self.assertEqual(result["price_unit"], 90.0)
        self.assertEqual(result["subtotal"], 270.0)
        result = self.make_jsonrpc_request(
            "/my/b2b/quick_order/lookup", {"sku": "B2B-OLD", "qty": "1"}
        )
        self.assertFalse(result["ok"])
        self.assertIn("archived", result["error"])

    def test_invalid_rows_create_nothing_unless_asked(self):
        self.authenticate("pa_buyer", "pa_buyer")
        before = self._last_id()
        data = {
            "sku_0": "B2B-CAP",
            "qty_0": "5",
            "line_0": "1",
            "sku_1": "B2B-NOPE",
            "qty_1": "2",
            "line_1": "2",
        }
        response = self._post("/my/b2b/quick_order/check", dict(data, action="create"))
        self.assertFalse(self._new_orders(before))
        self.assertIn("Line 2:", response.text)
        self.assertIn("Unknown product B2B-NOPE", response.text)
        self.assertIn('id="b2b_qo_create_valid"', response.text)
        # dropping the bad row makes the order valid
        response = self._post(
            "/my/b2b/quick_order/check", dict(data, drop_1="1", action="check")
        )
        self.assertIn('id="b2b_quick_order_valid"', response.text)
        # or continue with the valid rows
        response = self._post(
            "/my/b2b/quick_order/check", dict(data, action="create_valid")
        )
        order = self._new_orders(before)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.order_line.product_id, self.cap)
        self.assertIn(f"/my/orders/{order.id}", response.url)
        self.assertIn('id="b2b_order_submit"', response.text)

    def test_upload_file(self):
        self.authenticate("pa_buyer", "pa_buyer")
        before = self._last_id()
        response = self._post(
            "/my/b2b/quick_order/check",
            {"action": "create"},
            files={"upload": ("order.csv", b"sku,quantity\nB2B-CAP,5\nB2B-MUG,6\n")},
        )
        order = self._new_orders(before)
        self.assertEqual(order.order_line.product_id, self.cap | self.mug)
        self.assertEqual(response.status_code, 200)
        response = self._post(
            "/my/b2b/quick_order/check",
            {"action": "check"},
            files={"upload": ("order.csv", b"B2B-CAP,5\n" * 5001)},
        )
        self.assertIn("at most 5000 rows", response.text)

    def test_paste(self):
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(
            "/my/b2b/quick_order/check",
            {"action": "check", "paste": "B2B-CAP\t5\nB2B-CAP\t1\nB2B-MUG\tx"},
        )
        self.assertIn("1, 2", response.text)  # merged duplicates
        self.assertIn("Line 3:", response.text)

    def test_template_download(self):
        self.authenticate("pa_buyer", "pa_buyer")
        response = self.url_open("/my/b2b/quick_order/template.csv")
        self.assertIn(b"sku,quantity", response.content)
        response = self.url_open("/my/b2b/quick_order/template.xlsx")
        self.assertEqual(response.content[:2], b"PK")

    def test_non_buyers_cannot_order(self):
        # buyers of other roles: "not available for your role"; others: 404
        for login, status in (
            ("pa_approver", 403),
            ("pa_finance", 403),
            ("p_plain", 404),
        ):
            self.authenticate(login, login)
            self.assertEqual(
                self.url_open("/my/b2b/quick_order").status_code, status, login
            )

    # Submit -----------------------------------------------------------
    def test_submit_confirmed(self):
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(f"/my/b2b/orders/{self.order_a1.id}/submit")
        self.assertEqual(self.order_a1.state, "sale")
        self.assertIn('id="b2b_submit_confirmed"', response.text)

    def test_submit_refused(self):
        self.order_a1.order_line.product_uom_qty = 3  # below the minimum of 5
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(f"/my/b2b/orders/{self.order_a1.id}/submit")
        self.assertEqual(self.order_a1.state, "draft")
        self.assertIn('id="b2b_submit_refused"', response.text)
        self.assertIn("minimum order quantity is 5", response.text)

    def test_submit_waiting_for_approval(self):
        """An approval module keeps the order in quotation: shown as waiting."""
        self.authenticate("pa_buyer", "pa_buyer")
        with patch.object(SaleOrder, "action_confirm", lambda self: True):
            response = self._post(f"/my/b2b/orders/{self.order_a1.id}/submit")
        self.assertEqual(self.order_a1.state, "draft")
        self.assertIn('id="b2b_submit_waiting"', response.text)

    def test_submit_refused_for_others(self):
        token = self.order_a1._portal_ensure_token()
        # the approver may not order at all: the role page, whatever the order
        for login, status in (
            ("pa_buyer2", 404),
            ("pb_buyer", 404),
            ("pa_approver", 403),
        ):
            self.authenticate(login, login)
            for data in ({}, {"access_token": token}):
                response = self._post(f"/my/b2b/orders/{self.order_a1.id}/submit", data)
                self.assertEqual(response.status_code, status, login)
            response = self._post(f"/my/b2b/orders/{self.order_a1.id}/reorder")
            self.assertEqual(response.status_code, status, login)
        # an order that does not exist is refused the same way
        self.authenticate("pa_buyer2", "pa_buyer2")
        response = self._post("/my/b2b/orders/999999999/submit")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.order_a1.state, "draft")

    # Reorder and saved lists ---------------------------------------------
    def test_reorder(self):
        order = self._b2b_order(self.a_buyer.partner_id, [(self.cap, 5), (self.mug, 6)])
        order.message_subscribe(partner_ids=self.a_buyer.partner_id.ids)
        order.action_confirm()
        self.mug.active = False
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(f"/my/b2b/orders/{order.id}/reorder")
        self.assertIn("archived", response.text)
        self.assertIn('id="b2b_qo_create_valid"', response.text)
        self.assertIn('value="B2B-CAP"', response.text)

    def test_saved_list(self):
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(
            f"/my/b2b/orders/{self.order_a1.id}/save_list", {"name": "Weekly caps"}
        )
        order_list = self.env["b2b.order.list"].search([("name", "=", "Weekly caps")])
        self.assertEqual(order_list.dealer_id, self.dealer_a)
        self.assertEqual(order_list.line_ids.product_id, self.cap)
        self.assertIn("Weekly caps", response.text)
        response = self._post(f"/my/b2b/lists/{order_list.id}/order")
        self.assertIn('id="b2b_quick_order_valid"', response.text)
        # private: a colleague does not see it until it is shared
        self.authenticate("pa_buyer2", "pa_buyer2")
        self.assertEqual(
            self.url_open(f"/my/b2b/lists/{order_list.id}").status_code, 404
        )
        order_list.shared = True
        self.assertEqual(
            self.url_open(f"/my/b2b/lists/{order_list.id}").status_code, 200
        )
        response = self._post(
            f"/my/b2b/lists/{order_list.id}/update", {"action": "delete"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertTrue(order_list.exists())
        self.authenticate("pb_buyer", "pb_buyer")
        self.assertEqual(
            self.url_open(f"/my/b2b/lists/{order_list.id}").status_code, 404
        )

    # Catalogue and deliveries ------------------------------------------
    def test_catalogue(self):
        self.authenticate("pa_approver", "pa_approver")
        html = self.url_open("/my/b2b/catalogue?search=B2B-SHIRT").text
        self.assertIn("B2B-SHIRT-RED", html)
        self.assertIn("90.00", html)  # Silver net price
        self.assertIn("60.00", html)  # volume break from 50
        self.assertNotIn("B2B-CAP", html)
        html = self.url_open("/my/b2b/catalogue?search=Blue").text
        self.assertIn("B2B-SHIRT-BLUE", html)
        self.assertNotIn("B2B-SHIRT-RED", html)
        html = self.url_open("/my/b2b/catalogue?search=B2B-").text
        self.assertNotIn("B2B-NOSALE", html)
        self.assertNotIn("B2B-OLD", html)
        html = self.url_open("/my/b2b/catalogue?search=B2B-CAP").text
        self.assertIn("In stock", html)
        html = self.url_open("/my/b2b/catalogue?search=B2B-MUG").text
        self.assertIn("Lead time", html)
        self.cap.barcode = "6901234567892"
        html = self.url_open("/my/b2b/catalogue?search=690123456").text
        self.assertIn("B2B-CAP", html)

    def test_deliveries_and_orders_pages(self):
        self.order_a1.action_confirm()
        self.order_a2.action_confirm()
        self.order_b.action_confirm()
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/b2b/deliveries").text
        self.assertIn(self.order_a1.picking_ids.name, html)
        self.assertNotIn(self.order_a2.picking_ids.name, html)
        html = self.url_open("/my/orders").text
        self.assertIn(self.order_a1.name, html)
        self.assertNotIn(self.order_a2.name, html)
        self.authenticate("pa_admin", "pa_admin")
        html = self.url_open("/my/b2b/deliveries").text
        self.assertIn(self.order_a2.picking_ids.name, html)
        self.assertNotIn(self.order_b.picking_ids.name, html)
        self.assertIn(self.order_a2.name, self.url_open("/my/orders").text)

    def test_drafts_listed_as_quotations(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/quotes").text
        self.assertIn(self.order_a1.name, html)
        self.assertNotIn(self.order_a2.name, html)
