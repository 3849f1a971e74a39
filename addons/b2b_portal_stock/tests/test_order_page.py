# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bPortalStockCommon


@tagged("post_install", "-at_install")
class TestOrderPage(B2bPortalStockCommon):
    """The dealer's order page says which warehouse ships each line and
    lists the deliveries per warehouse with their date and state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shirt_red.is_storable = True
        cls._stock(cls.shirt_red, cls.wh_south, 20.0)
        # 5 caps: 3 from East, 2 from South; 4 shirts: South only
        cls.order = cls._b2b_order(
            cls.a_buyer.partner_id, [(cls.cap, 5), (cls.shirt_red, 4)]
        )
        cls.order.message_subscribe(partner_ids=cls.a_buyer.partner_id.ids)
        cls.order.action_confirm()

    def test_shipping_per_line_and_warehouse(self):
        shipping = self.order.with_user(self.a_buyer)._b2b_portal_shipping()
        cap_line, shirt_line = self.order.order_line
        self.assertEqual(
            [(s["code"], s["qty"]) for s in shipping["lines"][cap_line.id]],
            [("BPE", 3.0), ("BPW", 2.0)],
        )
        self.assertEqual(
            [(s["code"], s["qty"]) for s in shipping["lines"][shirt_line.id]],
            [("BPW", 4.0)],
        )
        self.assertEqual([d["code"] for d in shipping["deliveries"]], ["BPE", "BPW"])
        for delivery in shipping["deliveries"]:
            self.assertEqual(len(delivery["pickings"]), 1)
            self.assertIn(delivery["pickings"][0]["state"], ("ready", "preparing"))
            self.assertTrue(delivery["pickings"][0]["date"])

    def test_shipping_is_one_query(self):
        """One query for the order page's shipping, whatever the number of
        lines and deliveries (b2b_portal's order page query count allows
        for exactly that)."""
        order = self.order.with_user(self.a_buyer)
        self.env.flush_all()
        with self.assertQueryCount(1):
            self.assertEqual(len(order._b2b_portal_shipping()["deliveries"]), 2)
        products = [
            self._create_product(
                f"B2B Ship {n}",
                5.0,
                self.categ_other,
                f"B2B-SHIP-{n}",
                is_storable=True,
            )
            for n in range(10)
        ]
        for product in products:
            # 3 ordered, 2 in each: every line split across both
            self._stock(product, self.wh_east, 2.0)
            self._stock(product, self.wh_south, 2.0)
        large = self._b2b_order(
            self.a_buyer.partner_id, [(product, 3) for product in products]
        )
        large.action_confirm()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            shipping = large.with_user(self.a_buyer)._b2b_portal_shipping()
        self.assertEqual(len(shipping["lines"]), 10)
        self.assertEqual(len(shipping["deliveries"]), 2)

    def test_order_page(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open(self.order.get_portal_url()).text
        self.assertIn('id="b2b_order_deliveries"', html)
        self.assertEqual(html.count('name="b2b_warehouse_deliveries"'), 2)
        self.assertEqual(html.count('name="b2b_line_ships_from"'), 2)
        self.assertIn("B2B Portal East", html)
        self.assertIn("Scheduled for", html)
        # delivered: the date it was done
        east = self.order.picking_ids.filtered(
            lambda p: p.picking_type_id.warehouse_id == self.wh_east
        )
        east.move_ids.quantity = 3.0
        east.move_ids.picked = True
        east.button_validate()
        self.assertEqual(east.state, "done")
        html = self.url_open(self.order.get_portal_url()).text
        self.assertIn("Delivered on", html)
        self.assertIn('name="b2b_delivery_state">Delivered<', html)

    def test_quotation_shows_nothing_yet(self):
        quotation = self._b2b_order(self.a_buyer.partner_id, [(self.cap, 5)])
        quotation.message_subscribe(partner_ids=self.a_buyer.partner_id.ids)
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open(quotation.get_portal_url()).text
        self.assertNotIn('id="b2b_order_deliveries"', html)
        self.assertNotIn('name="b2b_line_ships_from"', html)

    def test_other_dealer_cannot_open_it(self):
        self.authenticate("pb_buyer", "pb_buyer")
        response = self.url_open(f"/my/orders/{self.order.id}")
        self.assertNotIn('id="b2b_order_deliveries"', response.text)
        self.assertNotIn("B2B Portal East", response.text)
