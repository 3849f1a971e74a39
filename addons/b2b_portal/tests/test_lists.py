# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bPortalCommon, B2bPortalHttpCommon


class B2bListsCommon:
    @classmethod
    def _b2b_list(cls, user, name, lines, shared=False):
        order_list = (
            cls.env["b2b.order.list"]
            .with_user(user)
            ._b2b_create_from_lines(name, lines)
        )
        order_list.sudo().shared = shared
        return order_list


@tagged("post_install", "-at_install")
class TestOrderListModel(B2bListsCommon, B2bPortalCommon):
    """Saved lists priced by the pricing service and edited by their owner."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.weekly = cls._b2b_list(
            cls.a_buyer, "Weekly", [(cls.shirt_red, 30), (cls.cap, 5)], shared=True
        )

    def test_priced_lines(self):
        priced = self.weekly.with_user(self.a_buyer)._b2b_priced_lines()
        shirt, cap = priced["lines"]
        self.assertEqual(shirt["line"].product_id, self.shirt_red)
        self.assertEqual((shirt["price_unit"], shirt["subtotal"]), (90.0, 2700.0))
        # the list is priced as one order: 20 more shirts reach the break
        self.assertEqual(shirt["next_break"], {"quantity": 20.0, "price_unit": 60.0})
        self.assertEqual((cap["price_unit"], cap["subtotal"]), (50.0, 250.0))
        self.assertEqual(priced["amount"], 2950.0)
        self.assertEqual(priced["currency"], self.env.company.currency_id.name)
        # a colleague reading the shared list sees the same prices
        priced = self.weekly.with_user(self.a_buyer2)._b2b_priced_lines()
        self.assertEqual(priced["amount"], 2950.0)
        # an archived product is reported, not priced
        self.cap.active = False
        priced = self.weekly.with_user(self.a_buyer)._b2b_priced_lines()
        self.assertIn("archived", priced["lines"][1]["error"])
        self.assertIsNone(priced["lines"][1]["subtotal"])
        self.assertEqual(priced["amount"], 2700.0)

    def test_edit_lines(self):
        order_list = self.weekly.with_user(self.a_buyer)
        shirt_line, cap_line = order_list.line_ids
        errors = order_list._b2b_update_lines(
            {shirt_line.id: "50", cap_line.id: "5"},
            removed=[cap_line.id],
            additions=[
                ("b2b-mug", "6"),
                ("Ｂ２Ｂ－ＳＨＩＲＴ－ＲＥＤ", "10"),
                ("", ""),
            ],
        )
        self.assertEqual(errors, {})
        self.assertEqual(
            [(line.product_id, line.quantity) for line in order_list.sudo().line_ids],
            [(self.shirt_red, 60.0), (self.mug, 6.0)],
        )
        self.assertFalse(cap_line.exists())

    def test_edit_errors_write_nothing(self):
        order_list = self.weekly.with_user(self.a_buyer)
        shirt_line = order_list.line_ids[0]
        errors = order_list._b2b_update_lines(
            {shirt_line.id: "0"},
            additions=[
                ("B2B-NOPE", "1"),
                ("B2B-OLD", "1"),
                ("B2B-MUG", "x"),
                ("", "2"),
            ],
        )
        self.assertIn("not a number greater than zero", errors[shirt_line.id])
        self.assertIn("Unknown product B2B-NOPE", errors[("add", 0)])
        self.assertIn("archived", errors[("add", 1)])
        self.assertIn("not a number greater than zero", errors[("add", 2)])
        self.assertIn("SKU is missing", errors[("add", 3)])
        self.assertEqual(shirt_line.quantity, 30.0)
        self.assertEqual(len(order_list.line_ids), 2)

    def test_only_the_owner_edits(self):
        with self.assertRaises(AccessError):
            self.weekly.with_user(self.a_buyer2)._b2b_update_lines(
                {self.weekly.line_ids[0].id: "1"}
            )
        with self.assertRaises(AccessError):
            self.weekly.with_user(self.b_buyer)._b2b_priced_lines()


@tagged("post_install", "-at_install")
class TestOrderListPages(B2bListsCommon, B2bPortalHttpCommon):
    """The saved list pages: prices, edits, sharing, copy, order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.weekly = cls._b2b_list(
            cls.a_buyer, "Weekly", [(cls.shirt_red, 30), (cls.cap, 5)], shared=True
        )
        cls.private = cls._b2b_list(cls.a_buyer, "Private", [(cls.mug, 6)])

    def test_list_page_priced_and_editable(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open(f"/my/b2b/lists/{self.weekly.id}").text
        self.assertIn("90.00", html)
        self.assertIn("2,700.00", html)
        self.assertIn("2,950.00", html)
        self.assertIn("20 more for", html)
        shirt_line, cap_line = self.weekly.line_ids
        self.assertIn(f'name="line_qty_{shirt_line.id}"', html)
        self.assertIn('name="add_sku_0"', html)
        response = self._post(
            f"/my/b2b/lists/{self.weekly.id}/update",
            {
                "action": "lines",
                f"line_qty_{shirt_line.id}": "40",
                f"line_qty_{cap_line.id}": "5",
                f"line_remove_{cap_line.id}": "1",
                "add_sku_0": "b2b-mug",
                "add_qty_0": "12",
            },
        )
        self.assertIn('id="b2b_list_saved"', response.text)
        self.assertEqual(
            [(line.product_id, line.quantity) for line in self.weekly.line_ids],
            [(self.shirt_red, 40.0), (self.mug, 12.0)],
        )
        self.assertIn("3,840.00", response.text)  # 40 x 90 + 12 x 20
        # an error: nothing is written, the typed values are kept
        response = self._post(
            f"/my/b2b/lists/{self.weekly.id}/update",
            {
                "action": "lines",
                f"line_qty_{shirt_line.id}": "45",
                "add_sku_1": "B2B-NOPE",
                "add_qty_1": "1",
            },
        )
        self.assertIn('id="b2b_list_errors"', response.text)
        self.assertIn("Unknown product B2B-NOPE", response.text)
        self.assertIn('value="45"', response.text)
        self.assertEqual(shirt_line.quantity, 40.0)

    def test_shared_within_the_dealer(self):
        self.authenticate("pa_buyer2", "pa_buyer2")
        html = self.url_open("/my/b2b/lists").text
        self.assertIn("Shared by my colleagues", html)
        self.assertIn("Weekly", html)
        self.assertIn("by pa_buyer", html)
        self.assertNotIn("Private", html)
        html = self.url_open(f"/my/b2b/lists/{self.weekly.id}").text
        self.assertIn("2,950.00", html)  # priced for the colleague too
        self.assertNotIn('name="add_sku_0"', html)  # not editable
        self.assertIn('id="b2b_list_copy"', html)
        shirt_line = self.weekly.line_ids[0]
        response = self._post(
            f"/my/b2b/lists/{self.weekly.id}/update",
            {"action": "lines", f"line_qty_{shirt_line.id}": "1"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(shirt_line.quantity, 30.0)
        # a copy is the colleague's own list, to edit
        response = self._post(f"/my/b2b/lists/{self.weekly.id}/copy")
        copy = self.env["b2b.order.list"].search([("user_id", "=", self.a_buyer2.id)])
        self.assertEqual(copy.name, "Weekly (copy)")
        self.assertFalse(copy.shared)
        self.assertEqual(copy.line_ids.product_id, self.shirt_red | self.cap)
        self.assertIn('name="add_sku_0"', response.text)
        # another dealer sees nothing
        self.authenticate("pb_buyer", "pb_buyer")
        self.assertEqual(
            self.url_open(f"/my/b2b/lists/{self.weekly.id}").status_code, 404
        )
        response = self._post(f"/my/b2b/lists/{self.weekly.id}/copy")
        self.assertEqual(response.status_code, 404)

    def test_new_list_and_order_it(self):
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post("/my/b2b/lists/new", {"name": "Shop opening"})
        new = self.env["b2b.order.list"].search([("name", "=", "Shop opening")])
        self.assertEqual(new.user_id, self.a_buyer)
        self.assertFalse(new.line_ids)
        self.assertIn('name="add_sku_0"', response.text)
        self.assertNotIn('id="b2b_list_order"', response.text)
        self._post(
            f"/my/b2b/lists/{new.id}/update",
            {"action": "lines", "add_sku_0": "B2B-CAP", "add_qty_0": "10"},
        )
        self.assertEqual(new.line_ids.product_id, self.cap)
        # ordering a list adds its lines to the quick order rows in progress
        self.make_jsonrpc_request(
            "/my/b2b/quick_order/price",
            {"rows": [{"key": 1, "sku": "B2B-MUG", "qty": "6"}]},
        )
        response = self._post(f"/my/b2b/lists/{new.id}/order")
        self.assertIn('id="b2b_quick_order_valid"', response.text)
        self.assertIn('value="B2B-MUG"', response.text)
        self.assertIn('value="B2B-CAP"', response.text)
        self.assertIn('value="10"', response.text)
