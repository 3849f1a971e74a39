# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import B2bSaleStockCommon


@tagged("post_install", "-at_install")
class TestSourcing(B2bSaleStockCommon):
    """A dealer's order is served from its region's warehouses, line by
    line, in one delivery per warehouse (the salesman confirms)."""

    def test_default_warehouse_is_the_region_s_first(self):
        order = self._b2b_order(self.dealer, [(self.pump, 1)], user=self.salesman)
        self.assertEqual(order.warehouse_id, self.wh_east)
        with Form(self.env["sale.order"].with_user(self.salesman)) as form:
            form.partner_id = self.customer
            self.assertEqual(form.warehouse_id, self.main_wh)
            form.partner_id = self.dealer
            self.assertEqual(form.warehouse_id, self.wh_east)

    def test_first_warehouse_covers(self):
        self._stock(self.pump, self.wh_east, 10)
        self._stock(self.pump, self.wh_south, 10)
        order = self._confirm(self.dealer, [(self.pump, 10)])
        self.assertEqual(self._shipped(order), {(self.wh_east, self.pump): 10})
        self.assertEqual(order.order_line.b2b_source_warehouse_ids, self.wh_east)
        self.assertEqual(order.picking_ids.state, "assigned")

    def test_second_warehouse_covers(self):
        self._stock(self.pump, self.wh_east, 4)
        self._stock(self.pump, self.wh_south, 6)
        order = self._confirm(self.dealer, [(self.pump, 5)])
        self.assertEqual(self._shipped(order), {(self.wh_south, self.pump): 5})
        self.assertEqual(order.order_line.b2b_source_warehouse_ids, self.wh_south)

    def test_earlier_lines_take_their_share(self):
        """The second line of the same product finds what the first left."""
        self._stock(self.pump, self.wh_east, 10)
        self._stock(self.pump, self.wh_south, 10)
        order = self._confirm(self.dealer, [(self.pump, 8), (self.pump, 5)])
        first, second = order.order_line
        self.assertEqual(first.b2b_source_warehouse_ids, self.wh_east)
        self.assertEqual(second.b2b_source_warehouse_ids, self.wh_south)

    def test_split_across_two_warehouses(self):
        """Ship what is available (the company's default): 4 from East, 2
        from South; the sale line stays one line, delivered in full."""
        self._stock(self.pump, self.wh_east, 4)
        self._stock(self.pump, self.wh_south, 3)
        order = self._confirm(self.dealer, [(self.pump, 6)])
        self.assertEqual(len(order.order_line), 1)
        self.assertEqual(
            self._shipped(order),
            {(self.wh_east, self.pump): 4, (self.wh_south, self.pump): 2},
        )
        self.assertEqual(
            order.order_line.b2b_source_warehouse_ids, self.wh_east | self.wh_south
        )
        self.assertEqual(set(order.picking_ids.mapped("state")), {"assigned"})
        for picking in order.picking_ids:
            picking.button_validate()
        self.assertEqual(order.order_line.qty_delivered, 6)

    def test_split_rest_waits_in_first_warehouse(self):
        self._stock(self.pump, self.wh_east, 4)
        self._stock(self.pump, self.wh_south, 3)
        order = self._confirm(self.dealer, [(self.pump, 10)])
        self.assertEqual(
            self._shipped(order),
            {(self.wh_east, self.pump): 7, (self.wh_south, self.pump): 3},
        )
        east = order.picking_ids.filtered(
            lambda p: p.picking_type_id.warehouse_id == self.wh_east
        )
        self.assertEqual(east.move_ids.quantity, 4)  # 3 wait for stock

    def test_ship_complete_waits(self):
        """Ship complete (the dealer's policy): the line waits, whole, in the
        first warehouse instead of being split."""
        self.dealer.b2b_backorder_policy = "complete"
        self._stock(self.pump, self.wh_east, 4)
        self._stock(self.pump, self.wh_south, 3)
        order = self._confirm(self.dealer, [(self.pump, 6)])
        self.assertEqual(self._shipped(order), {(self.wh_east, self.pump): 6})
        self.assertEqual(order.picking_ids.move_ids.quantity, 4)
        self.assertEqual(order.picking_ids.move_ids.state, "partially_available")

    def test_backorder_policy_default_from_company(self):
        self.company.b2b_backorder_policy = "complete"
        self._stock(self.pump, self.wh_east, 4)
        self._stock(self.pump, self.wh_south, 3)
        order = self._confirm(self.dealer, [(self.pump, 6)])
        self.assertEqual(self._shipped(order), {(self.wh_east, self.pump): 6})
        # the dealer's own policy wins over the company's
        self.dealer.b2b_backorder_policy = "available"
        order = self._confirm(self.dealer, [(self.pump, 2)])
        self.assertEqual(self._shipped(order), {(self.wh_south, self.pump): 2})

    def test_override_kept(self):
        """A salesperson's warehouse on a line is kept, whatever the stock;
        it cannot change once the order is confirmed."""
        self._stock(self.pump, self.wh_east, 10)
        self._stock(self.valve, self.wh_east, 10)
        order = self._b2b_order(
            self.dealer,
            [(self.pump, 2, {"b2b_warehouse_id": self.main_wh.id}), (self.valve, 2)],
            user=self.salesman,
        )
        pump_line, valve_line = order.order_line
        self.assertEqual(pump_line.warehouse_id, self.main_wh)
        order.action_confirm()
        self.assertEqual(
            self._shipped(order),
            {(self.main_wh, self.pump): 2, (self.wh_east, self.valve): 2},
        )
        with self.assertRaises(UserError):
            pump_line.b2b_warehouse_id = self.wh_east
        # the same value is accepted (a form saving the whole line)
        pump_line.b2b_warehouse_id = self.main_wh

    def test_one_picking_per_warehouse(self):
        """Four lines over two warehouses: exactly two deliveries, one per
        warehouse, in the order's procurement group."""
        self._stock(self.pump, self.wh_east, 10)
        self._stock(self.valve, self.wh_south, 10)
        self._stock(self.hose, self.wh_east, 2)
        self._stock(self.hose, self.wh_south, 2)
        order = self._confirm(
            self.dealer,
            [(self.pump, 3), (self.valve, 3), (self.hose, 3), (self.sticker, 5)],
        )
        self.assertEqual(len(order.picking_ids), 2)
        self.assertEqual(
            order.picking_ids.picking_type_id.warehouse_id, self.wh_east | self.wh_south
        )
        self.assertEqual(order.picking_ids.group_id, order.procurement_group_id)
        self.assertEqual(
            self._shipped(order),
            {
                (self.wh_east, self.pump): 3,
                (self.wh_south, self.valve): 3,
                (self.wh_east, self.hose): 2,
                (self.wh_south, self.hose): 1,
                # not tracked in stock: from the first warehouse
                (self.wh_east, self.sticker): 5,
            },
        )
        self.assertEqual(order.delivery_count, 2)

    def test_order_warehouse_chosen_by_salesman_first(self):
        """The order's warehouse, when a salesperson changes it, is tried
        first, then the region's list."""
        self._stock(self.pump, self.wh_east, 10)
        self._stock(self.pump, self.wh_south, 1)
        order = self._b2b_order(self.dealer, [(self.pump, 3)], user=self.salesman)
        order.warehouse_id = self.wh_south
        order.action_confirm()
        self.assertEqual(self._shipped(order), {(self.wh_east, self.pump): 3})
        order = self._b2b_order(self.dealer, [(self.pump, 1)], user=self.salesman)
        order.warehouse_id = self.wh_south
        order.action_confirm()
        self.assertEqual(self._shipped(order), {(self.wh_south, self.pump): 1})

    def test_backend_form_as_salesman(self):
        """The salesman's usual flow: a quotation in the form, confirmed with
        the button."""
        self._stock(self.pump, self.wh_east, 1)
        self._stock(self.pump, self.wh_south, 5)
        with Form(self.env["sale.order"].with_user(self.salesman)) as form:
            form.partner_id = self.dealer
            with form.order_line.new() as line:
                line.product_id = self.pump
                line.product_uom_qty = 3
        order = form.record
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(self._shipped(order), {(self.wh_south, self.pump): 3})
        self.assertEqual(
            order.order_line.with_user(self.salesman).b2b_source_warehouse_ids,
            self.wh_south,
        )

    def test_quantity_changes_after_confirmation(self):
        """An increase is sourced like a new line; a decrease is taken back
        from the open deliveries, the latest first."""
        self._stock(self.pump, self.wh_east, 4)
        self._stock(self.pump, self.wh_south, 10)
        order = self._confirm(self.dealer, [(self.pump, 3)])
        line = order.order_line
        line.product_uom_qty = 8  # 5 more: East has 1 left, South covers
        self.assertEqual(
            self._shipped(order),
            {(self.wh_east, self.pump): 3, (self.wh_south, self.pump): 5},
        )
        line.product_uom_qty = 6
        self.assertEqual(
            self._shipped(order),
            {(self.wh_east, self.pump): 3, (self.wh_south, self.pump): 3},
        )
        self.assertEqual(len(order.picking_ids), 2)

    def test_plan_is_one_method(self):
        """The plan of a quotation, before confirmation, is what the
        confirmation does (the portal and the API confirm through it)."""
        self._stock(self.pump, self.wh_east, 4)
        self._stock(self.pump, self.wh_south, 3)
        order = self._b2b_order(self.dealer, [(self.pump, 6)], user=self.salesman)
        plan = order._b2b_source_lines()
        self.assertEqual(
            plan, {order.order_line.id: [(self.wh_east.id, 4), (self.wh_south.id, 2)]}
        )
        # a plan sent in the context of an RPC call is a plain dict: ignored
        order.with_context(
            b2b_sourcing_plan={order.order_line.id: [(self.main_wh.id, 6)]}
        ).action_confirm()
        self.assertEqual(
            self._shipped(order),
            {(self.wh_east, self.pump): 4, (self.wh_south, self.pump): 2},
        )

    def test_query_count_constant_in_lines(self):
        """The sourcing decision reads the same number of queries for 2 or
        30 lines, from a cold cache: two of its own (one grouped query for
        the stock of every product in every warehouse, their locations; the
        region's lists are cached) and the records a confirmation reads
        anyway (order, dealer, company, warehouses, the lines' moves,
        units)."""
        products = self.env["product.product"].create(
            [
                {"name": f"SS Bulk {index}", "is_storable": True, "type": "consu"}
                for index in range(30)
            ]
        )
        for product in products:
            self._stock(product, self.wh_south, 5)

        def count(size):
            order = self._b2b_order(
                self.dealer, [(product, 2) for product in products[:size]]
            )
            self.env.invalidate_all()
            order.order_line.mapped("product_id.uom_id")  # the lines themselves
            start = self.env.cr.sql_log_count
            plan = order._b2b_source_lines()
            self.assertEqual(len(plan), size)
            return self.env.cr.sql_log_count - start

        small, large = count(2), count(30)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 8)


@tagged("post_install", "-at_install")
class TestSourcingMultiCompany(B2bSaleStockCommon):
    """Each company sources from its own list of the (shared) region."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "B2B Sourcing Co B"})
        cls.wh_b = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        cls.env["b2b.region.warehouse"].create(
            {
                "region_id": cls.region.id,
                "company_id": cls.company_b.id,
                "warehouse_id": cls.wh_b.id,
            }
        )
        cls.user_b = cls._b2b_internal_user(
            "b2b_ss_rep_b",
            "sales_team.group_sale_salesman",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )

    def test_company_b_uses_its_own_list(self):
        self._stock(self.pump, self.wh_east, 10)
        order = self._b2b_order(
            self.dealer,
            [(self.pump, 2)],
            user=self.user_b,
            company_id=self.company_b.id,
        )
        self.assertEqual(order.warehouse_id, self.wh_b)
        order.action_confirm()
        self.assertEqual(
            order.sudo().picking_ids.picking_type_id.warehouse_id, self.wh_b
        )

    def test_lists_isolated(self):
        """A user of company B sees only its company's lines of the region;
        a line cannot point to another company's warehouse."""
        lines = self.region.with_user(self.user_b).b2b_warehouse_ids
        self.assertEqual(lines.warehouse_id, self.wh_b)
        with self.assertRaises(UserError):
            self.env["b2b.region.warehouse"].create(
                {
                    "region_id": self.region.id,
                    "company_id": self.company_b.id,
                    "warehouse_id": self.wh_east.id,
                }
            )
