# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import Form, tagged

from .common import B2bSaleStockCommon


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bSaleStockCommon):
    """A customer that is not a dealer, or a dealer in a company without
    region warehouses: Odoo's warehouse, Odoo's pickings, backorders and
    combo lines, and no sourcing query beyond a documented constant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the regional warehouses have stock, the main one has little
        cls._stock(cls.pump, cls.wh_east, 50)
        cls._stock(cls.pump, cls.main_wh, 2)
        cls.company_b = cls.env["res.company"].create({"name": "B2B Plain Co B"})
        cls.wh_b = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        cls.user_b = cls._b2b_internal_user(
            "b2b_ss_plain_b",
            "sales_team.group_sale_salesman",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )

    def _assert_odoo_delivery(self, order, warehouse, qty):
        picking = order.sudo().picking_ids
        self.assertEqual(len(picking), 1)
        self.assertEqual(picking.picking_type_id, warehouse.out_type_id)
        self.assertEqual(picking.location_id, warehouse.lot_stock_id)
        self.assertEqual(sum(picking.move_ids.mapped("product_uom_qty")), qty)
        self.assertEqual(order.order_line.warehouse_id, warehouse)
        return picking

    def test_customer_gets_odoo_s_warehouse(self):
        with Form(self.env["sale.order"].with_user(self.salesman)) as form:
            form.partner_id = self.customer
        self.assertEqual(form.record.warehouse_id, self.main_wh)
        order = self._confirm(self.customer, [(self.pump, 5)])
        self.assertEqual(order.warehouse_id, self.main_wh)
        self._assert_odoo_delivery(order, self.main_wh, 5)
        self.assertFalse(order._b2b_source_lines())

    def test_customer_backorder(self):
        """Odoo's backorder: 2 of 5 available, the rest in a backorder."""
        order = self._confirm(self.customer, [(self.pump, 5)])
        picking = self._assert_odoo_delivery(order, self.main_wh, 5)
        picking.move_ids.quantity = 2
        picking.move_ids.picked = True
        wizard = Form.from_action(self.env, picking.button_validate()).save()
        wizard.process()
        backorder = order.picking_ids - picking
        self.assertEqual(backorder.backorder_id, picking)
        self.assertEqual(backorder.picking_type_id, self.main_wh.out_type_id)
        self.assertEqual(backorder.move_ids.product_uom_qty, 3)
        self.assertEqual(order.order_line.qty_delivered, 2)

    def test_combo_products(self):
        combo = self.env["product.combo"].create(
            {
                "name": "Plain Combo",
                "combo_item_ids": [Command.create({"product_id": self.pump.id})],
            }
        )
        product_combo = self._b2b_product(
            "Plain Combo Kit", type="combo", combo_ids=[Command.set(combo.ids)]
        )
        for partner, warehouse in (
            (self.customer, self.main_wh),
            (self.dealer, self.wh_east),
        ):
            order = self._b2b_order(partner, [(product_combo, 1)])
            self.env["sale.order.line"].create(
                {
                    "order_id": order.id,
                    "product_id": self.pump.id,
                    "product_uom_qty": 1,
                    "combo_item_id": combo.combo_item_ids.id,
                    "linked_line_id": order.order_line.id,
                }
            )
            order.action_confirm()
            # the combo line itself is not shipped; its item is, from the
            # customer's warehouse (Odoo's) or the dealer's region's
            self.assertEqual(self._shipped(order), {(warehouse, self.pump): 1})

    def test_dealer_of_company_without_region_warehouses(self):
        """The region has warehouses in the main company only: in company B
        the dealer's order is plain Odoo."""
        order = self._b2b_order(
            self.dealer,
            [(self.pump, 3)],
            user=self.user_b,
            company_id=self.company_b.id,
        )
        self.assertEqual(order.warehouse_id, self.wh_b)
        self.assertFalse(order._b2b_source_lines())
        order.action_confirm()
        self._assert_odoo_delivery(order, self.wh_b, 3)

    def test_dealer_without_region(self):
        dealer = self._b2b_dealer("Plain Dealer", "SS-PLAIN", state="approved")
        order = self._confirm(dealer, [(self.pump, 3)])
        self._assert_odoo_delivery(order, self.main_wh, 3)

    def test_line_route_is_odoo_s(self):
        """A route chosen on a line is Odoo's to follow: not sourced."""
        route = self.wh_south.delivery_route_id
        route.sale_selectable = True
        order = self._confirm(self.dealer, [(self.pump, 1, {"route_id": route.id})])
        self.assertEqual(self._shipped(order), {(self.wh_south, self.pump): 1})

    def test_no_extra_query_when_not_configured(self):
        """The sourcing costs no query for a customer that is not a dealer
        with a region, nor for a dealer whose company has no list for its
        region (the lists are cached)."""
        customer_order = self._b2b_order(self.customer, [(self.pump, 1)])
        dealer_order = self._b2b_order(
            self.dealer,
            [(self.pump, 1)],
            user=self.user_b,
            company_id=self.company_b.id,
        )
        customer_order.order_line.mapped("product_id.type")
        dealer_order.order_line.mapped("product_id.type")
        customer_order.partner_id.commercial_partner_id.mapped("b2b_region_id")
        dealer_order.partner_id.commercial_partner_id.mapped("b2b_region_id")
        with self.assertQueryCount(0):
            self.assertEqual(customer_order._b2b_source_lines(), {})
        with self.assertQueryCount(0):
            self.assertEqual(dealer_order._b2b_source_lines(), {})
        self.assertEqual(dealer_order.warehouse_id, self.wh_b)
