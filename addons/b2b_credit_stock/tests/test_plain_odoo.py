# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import B2bCreditStockCommon

#: markers of the queries the delivery credit check issues when it applies
EXPOSURE_MARKER = "b2b_receivable"
GUARD_MARKER = "b2b_credit_guard"


@tagged("post_install", "-at_install")
class TestPlainOdooCreditStock(B2bCreditStockCommon):
    """``stock.picking._action_done`` (delivery validation, backorders) is
    plain Odoo for customers that are not dealers, for dealers without a
    delivery policy and in companies without one, and works for a stock user
    without Sales rights, whose delivery credit policy still applies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_user = cls._b2b_internal_user(
            "b2b_plain_stock_user",
            "stock.group_stock_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.company_2 = cls.setup_other_company(name="B2B Plain Company 2")["company"]

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _partial(self, order, qty):
        picking = order.picking_ids
        self.assertEqual(len(picking), 1)
        picking.move_ids.quantity = qty
        picking.move_ids.picked = True
        return picking

    def _validate(self, picking, user, backorder):
        """Validate ``picking`` as ``user`` through the backorder wizard
        ("Create Backorder" or "No Backorder"), as the web client does."""
        picking = picking.with_user(user)
        action = picking.button_validate()
        self.assertIsInstance(action, dict, "a partial delivery opens the wizard")
        self.assertEqual(action["res_model"], "stock.backorder.confirmation")
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        ).save()
        if backorder:
            return wizard.process()
        return wizard.process_cancel_backorder()

    def _validate_counting(self, picking, user, backorder):
        """Validate and return the queries issued (text prefixes)."""
        self.env.flush_all()
        with self._count_queries() as counter:
            self._validate(picking, user, backorder)
            self.env.flush_all()
        return counter["queries"]

    def _assert_no_credit_queries(self, queries):
        self.assertFalse(
            [q for q in queries if EXPOSURE_MARKER in q], "no exposure query"
        )
        self.assertFalse([q for q in queries if GUARD_MARKER in q], "no guard row")

    # ------------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------------
    def test_no_backorder_stock_user_plain_customer(self):
        """A stock user without Sales rights validates a partial delivery of a
        customer that is not a dealer with "No Backorder": plain Odoo (one
        picking, done, the rest cancelled), no credit query, whatever the
        dealers' delivery policy."""
        self._set_policy("delivery", "block")
        order = self._order(5, partner=self.customer, confirm=True)
        picking = self._partial(order, 3)
        queries = self._validate_counting(picking, self.stock_user, backorder=False)
        self.assertEqual(picking.state, "done")
        self.assertEqual(len(order.picking_ids), 1, "no backorder")
        self.assertEqual(order.order_line.qty_delivered, 3)
        done = picking.move_ids.filtered(lambda m: m.state == "done")
        self.assertEqual(done.quantity, 3)
        self._assert_no_credit_queries(queries)

    def test_backorder_stock_user_plain_customer(self):
        """Same with "Create Backorder": the backorder is Odoo's."""
        self._set_policy("delivery", "block")
        order = self._order(5, partner=self.customer, confirm=True)
        picking = self._partial(order, 2)
        queries = self._validate_counting(picking, self.stock_user, backorder=True)
        self.assertEqual(picking.state, "done")
        backorder = order.picking_ids - picking
        self.assertEqual(len(backorder), 1)
        self.assertEqual(backorder.backorder_id, picking)
        self.assertEqual(backorder.move_ids.product_uom_qty, 3)
        self.assertNotIn(backorder.state, ("done", "cancel"))
        self.assertEqual(order.order_line.qty_delivered, 2)
        self._assert_no_credit_queries(queries)

    def test_no_backorder_stock_user_dealer_without_policy(self):
        """A dealer whose delivery policy is "none": plain Odoo, no query."""
        self._set_policy("delivery", "none")
        self._invoice(600.0)  # over the limit once the order is confirmed
        order = self._order(5, confirm=True)
        picking = self._partial(order, 3)
        queries = self._validate_counting(picking, self.stock_user, backorder=False)
        self.assertEqual(picking.state, "done")
        self.assertEqual(len(order.picking_ids), 1)
        self._assert_no_credit_queries(queries)

    def test_no_backorder_stock_user_dealer_warned(self):
        """The dealer's "warn" policy applies to the stock user: the delivery
        is done and the warning is posted on the order in the user's name."""
        self._set_policy("delivery", "warn")
        self._invoice(600.0)
        order = self._order(5, confirm=True)
        picking = self._partial(order, 3)
        queries = self._validate_counting(picking, self.stock_user, backorder=False)
        self.assertEqual(picking.state, "done")
        self.assertEqual(len(order.picking_ids), 1)
        warning = order.message_ids.filtered(
            lambda m: "Credit warning" in (m.body or "")
        )
        self.assertEqual(len(warning), 1)
        self.assertEqual(warning.author_id, self.stock_user.partner_id)
        self.assertTrue([q for q in queries if EXPOSURE_MARKER in q])
        self.assertTrue([q for q in queries if GUARD_MARKER in q])

    def test_no_backorder_stock_user_dealer_blocked(self):
        """A "block" still blocks the stock user, with the credit message."""
        self._set_policy("delivery", "block")
        self._invoice(600.0)
        order = self._order(5, confirm=True)
        picking = self._partial(order, 3)
        with self.assertRaisesRegex(UserError, "cannot pass this step"):
            self._validate(picking, self.stock_user, backorder=False)
        self.assertNotEqual(picking.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 0)

    def test_backorder_stock_user_dealer_blocked(self):
        """... and through "Create Backorder" (no backorder is left behind)."""
        self._set_policy("delivery", "block")
        self._invoice(600.0)
        order = self._order(5, confirm=True)
        picking = self._partial(order, 3)
        with self.assertRaisesRegex(UserError, "cannot pass this step"):
            self._validate(picking, self.stock_user, backorder=True)
        self.assertNotEqual(picking.state, "done")
        self.assertEqual(len(order.picking_ids), 1)

    def _revoke_order_access(self):
        """Inventory users that may not read sales orders (Odoo grants them
        the access through sale_stock; a database may take it away)."""
        self.env.ref("sale_stock.access_sale_order_stock_worker").active = False
        self.env.ref("sale_stock.access_sale_order_line_stock_worker").active = False
        order = self._order(1, partner=self.customer)
        self.assertFalse(order.with_user(self.stock_user).has_access("read"))

    def test_no_backorder_stock_user_without_order_access(self):
        """The credit check reads the orders as superuser: a stock user who
        may not read them validates a non-dealer's delivery as in Odoo, and
        is warned / blocked by the dealer's policy."""
        self._revoke_order_access()
        self._set_policy("delivery", "warn")
        order = self._order(5, partner=self.customer, confirm=True)
        picking = self._partial(order, 3)
        queries = self._validate_counting(picking, self.stock_user, backorder=False)
        self.assertEqual(picking.state, "done")
        self.assertEqual(len(order.picking_ids), 1)
        self._assert_no_credit_queries(queries)
        self._invoice(600.0)
        order = self._order(5, confirm=True)
        picking = self._partial(order, 3)
        self._validate(picking, self.stock_user, backorder=False)
        self.assertEqual(picking.state, "done")
        warning = order.message_ids.filtered(
            lambda m: "Credit warning" in (m.body or "")
        )
        self.assertEqual(warning.author_id, self.stock_user.partner_id)
        self._set_policy("delivery", "block")
        order = self._order(5, confirm=True)
        picking = self._partial(order, 3)
        with self.assertRaisesRegex(UserError, "cannot pass this step"):
            self._validate(picking, self.stock_user, backorder=False)
        self.assertNotEqual(picking.state, "done")

    def test_multi_company_without_policy(self):
        """A second company with no B2B policy: the dealer's delivery there is
        plain Odoo for that company's stock user, though the first company
        blocks."""
        self._set_policy("delivery", "block")
        self._invoice(600.0)
        company_2 = self.company_2
        self.assertEqual(company_2.b2b_credit_policy_delivery, "none")
        stock_user_2 = new_test_user(
            self.env,
            login="b2b_plain_stock_user_2",
            groups="stock.group_stock_user",
            company_id=company_2.id,
            company_ids=[Command.set(company_2.ids)],
        )
        order = (
            self.env["sale.order"]
            .with_company(company_2)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "company_id": company_2.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 5,
                                "price_unit": 100.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        picking = self._partial(order, 3)
        self.assertEqual(picking.company_id, company_2)
        queries = self._validate_counting(picking, stock_user_2, backorder=False)
        self.assertEqual(picking.state, "done")
        self.assertEqual(len(order.picking_ids), 1)
        self._assert_no_credit_queries(queries)
