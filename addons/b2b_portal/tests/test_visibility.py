# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import B2bPortalCommon


@tagged("post_install", "-at_install")
class TestVisibility(B2bPortalCommon):
    """Global record rules: a dealer buyer sees its own dealer only; inside it
    a purchaser sees its own orders, approvers / finance / admin all of them;
    only finance and admin see invoices. Plain portal users keep Odoo's rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A's order followed by B's buyer and by the plain customer
        cls.order_a1.message_subscribe(
            partner_ids=(cls.b_buyer.partner_id | cls.customer).ids
        )
        cls.invoice_a = cls._create_invoice(cls.a_buyer.partner_id)
        cls.invoice_b = cls._create_invoice(cls.b_buyer.partner_id)
        cls.invoice_a.message_subscribe(partner_ids=cls.b_buyer.partner_id.ids)
        cls.all_orders = cls.order_a1 | cls.order_a2 | cls.order_b | cls.order_plain

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_purchaser_sees_own_orders(self):
        self.assertEqual(self._visible(self.a_buyer, self.all_orders), self.order_a1)
        self.assertEqual(self._visible(self.a_buyer2, self.all_orders), self.order_a2)
        with self.assertRaises(AccessError):
            self.order_a2.with_user(self.a_buyer).check_access("read")

    def test_dealer_wide_roles_see_dealer_orders(self):
        for user in (self.a_admin, self.a_approver, self.a_finance):
            self.assertEqual(
                self._visible(user, self.all_orders),
                self.order_a1 | self.order_a2,
                user.login,
            )

    def test_follower_of_other_dealer_sees_nothing(self):
        self.assertIn(self.b_buyer.partner_id, self.order_a1.message_partner_ids)
        self.assertEqual(self._visible(self.b_buyer, self.all_orders), self.order_b)
        with self.assertRaises(AccessError):
            self.order_a1.with_user(self.b_buyer).read(["name"])
        lines = self.order_a1.order_line.with_user(self.b_buyer)
        self.assertFalse(lines.search([("id", "in", lines.ids)]))
        self.assertEqual(
            self._visible(self.b_buyer, self.invoice_a | self.invoice_b),
            self.invoice_b,
        )

    def test_dealer_user_without_role_stays_in_its_dealer(self):
        """A dealer's portal user without a buyer role is treated like a
        purchaser: its own orders only, no invoices, never another dealer's
        documents even when it follows them."""
        b_plain = self._b2b_buyer(self.dealer_b, "pb_no_role", ())
        own = self._b2b_order(b_plain.partner_id, [(self.cap, 1)])
        own.message_subscribe(partner_ids=b_plain.partner_id.ids)
        self.order_a1.message_subscribe(partner_ids=b_plain.partner_id.ids)
        self.invoice_a.message_subscribe(partner_ids=b_plain.partner_id.ids)
        self.order_b.message_subscribe(partner_ids=b_plain.partner_id.ids)
        self.assertEqual(self._visible(b_plain, self.all_orders | own), own)
        with self.assertRaises(AccessError):
            self.order_a1.with_user(b_plain).read(["name"])
        self.assertFalse(self._visible(b_plain, self.invoice_a | self.invoice_b))

    def test_plain_portal_user_unchanged(self):
        """Odoo's rule: following a document is enough for a plain customer."""
        self.assertEqual(
            self._visible(self.plain, self.all_orders),
            self.order_a1 | self.order_plain,
        )

    def test_invoices_finance_and_admin_only(self):
        invoices = self.invoice_a | self.invoice_b
        for user in (self.a_finance, self.a_admin):
            self.assertEqual(self._visible(user, invoices), self.invoice_a)
        for user in (self.a_buyer, self.a_approver):
            self.assertFalse(self._visible(user, invoices), user.login)

    def test_deliveries(self):
        self.order_a1.action_confirm()
        self.order_a2.action_confirm()
        pickings = (self.order_a1 | self.order_a2).picking_ids
        self.assertEqual(len(pickings), 2)
        self.assertEqual(
            self._visible(self.a_buyer, pickings), self.order_a1.picking_ids
        )
        self.assertEqual(self._visible(self.a_admin, pickings), pickings)
        self.order_a1.picking_ids.message_subscribe(
            partner_ids=self.b_buyer.partner_id.ids
        )
        self.assertFalse(self._visible(self.b_buyer, pickings))

    def test_internal_users_unchanged(self):
        self.assertEqual(self.env.user._b2b_portal_domain("sale.order"), [(1, "=", 1)])
        self.assertEqual(self.plain._b2b_portal_domain("account.move"), [(1, "=", 1)])

    def test_saved_lists_scoped_to_dealer(self):
        List = self.env["b2b.order.list"]
        own = List.with_user(self.a_buyer)._b2b_create_from_lines(
            "Mine", [(self.cap, 5)]
        )
        shared = List.with_user(self.a_buyer2)._b2b_create_from_lines(
            "Shared", [(self.mug, 6)]
        )
        shared.with_user(self.a_buyer2).shared = True
        private = List.with_user(self.a_buyer2)._b2b_create_from_lines(
            "Private", [(self.mug, 6)]
        )
        other = List.with_user(self.b_buyer)._b2b_create_from_lines(
            "B", [(self.cap, 10)]
        )
        every = own | shared | private | other
        self.assertEqual(self._visible(self.a_buyer, every), own | shared)
        self.assertEqual(self._visible(self.b_buyer, every), other)
        with self.assertRaises(AccessError):
            shared.with_user(self.a_buyer).write({"name": "Stolen"})
        with self.assertRaises(AccessError):
            other.with_user(self.a_buyer).read(["name"])

    def test_saved_lists_in_the_backend(self):
        """Staff see the dealers' lists in Dealers > Saved Order Lists:
        salespeople read those of their own dealers, managers edit them."""
        List = self.env["b2b.order.list"]
        list_a = List.with_user(self.a_buyer)._b2b_create_from_lines(
            "A list", [(self.cap, 5)]
        )
        list_b = List.with_user(self.b_buyer)._b2b_create_from_lines(
            "B list", [(self.cap, 10)]
        )
        salesman = new_test_user(
            self.env,
            login="pl_salesman",
            groups="base.group_user,b2b_base.b2b_base_group_salesman_own",
        )
        manager = new_test_user(
            self.env,
            login="pl_manager",
            groups="base.group_user,b2b_base.b2b_base_group_manager",
        )
        self.dealer_a.user_id = salesman
        self.dealer_b.user_id = manager
        action = self.env.ref("b2b_portal.b2b_order_list_action")
        self.assertEqual(self.env.ref("b2b_portal.b2b_order_list_menu").action, action)
        self.assertEqual(
            List.with_user(salesman).search([("id", "in", (list_a | list_b).ids)]),
            list_a,
        )
        with self.assertRaises(AccessError):
            list_a.with_user(salesman).write({"name": "Renamed"})
        with Form(list_b.with_user(manager)) as form:
            with form.line_ids.edit(0) as line:
                line.quantity = 20
        self.assertEqual(list_b.line_ids.quantity, 20)
