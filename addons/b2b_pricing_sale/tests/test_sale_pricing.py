# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import Form, tagged
from odoo.tools import SQL

from odoo.addons.b2b_pricing_sale.hooks import PRICE_KEY_SQL

from .common import B2bPricingSaleCommon


@tagged("post_install", "-at_install")
class TestSalePricing(B2bPricingSaleCommon):
    def test_tier_pricelist_on_quotation(self):
        order = self._b2b_order(self.dealer, [(self.shirt_red, 10)])
        self.assertEqual(order.pricelist_id, self.pl_silver)
        line = order.order_line
        self.assertEqual(line.price_unit, 90.0)
        self.assertEqual(line.b2b_price_source, "tier")
        self.assertEqual(line.b2b_price_rule_id.pricelist_id, self.pl_silver)
        self.assertEqual(line.b2b_next_break_qty, 40.0)
        self.assertEqual(line.b2b_next_break_price, 60.0)
        self.assertIn("40 more for", line.b2b_next_break_info)
        self.assertIn("60.00", line.b2b_next_break_info)

    def test_contract_and_list_sources(self):
        self.dealer.specific_property_product_pricelist = self.pl_contract
        order = self._b2b_order(self.dealer, [(self.shirt_red, 1), (self.mug, 1)])
        self.assertEqual(order.pricelist_id, self.pl_contract)
        shirt, mug = order.order_line
        self.assertEqual((shirt.price_unit, shirt.b2b_price_source), (70.0, "contract"))
        self.assertEqual((mug.price_unit, mug.b2b_price_source), (20.0, "list"))

    def test_cumulative_reprice_on_add_change_remove(self):
        order = self._b2b_order(self.dealer, [(self.shirt_red, 30)])
        red = order.order_line
        self.assertEqual(red.price_unit, 90.0)
        # adding a line reprices the existing one
        order.write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.shirt_blue.id, "product_uom_qty": 30}
                    )
                ]
            }
        )
        blue = order.order_line - red
        self.assertEqual((red.price_unit, blue.price_unit), (60.0, 60.0))
        self.assertEqual(red.b2b_price_source, "break")
        self.assertEqual(red.b2b_price_rule_id, self.break_rule)
        self.assertFalse(red.b2b_next_break_info)
        # changing a quantity reprices the others
        blue.product_uom_qty = 10
        self.assertEqual((red.price_unit, blue.price_unit), (90.0, 90.0))
        self.assertEqual(red.b2b_next_break_qty, 10.0)
        blue.product_uom_qty = 20
        self.assertEqual(red.price_unit, 60.0)
        # removing a line reprices the others
        blue.unlink()
        self.assertEqual(red.price_unit, 90.0)
        self.assertEqual(red.b2b_price_source, "tier")

    def test_cumulative_in_form(self):
        """The backend form reprices every line while editing (onchange)."""
        with Form(self.SaleOrder) as form:
            form.partner_id = self.dealer
            with form.order_line.new() as line:
                line.product_id = self.shirt_red
                line.product_uom_qty = 30
            self.assertEqual(form.order_line.edit(0).price_unit, 90.0)
            with form.order_line.new() as line:
                line.product_id = self.shirt_blue
                line.product_uom_qty = 30
            self.assertEqual(form.order_line.edit(0).price_unit, 60.0)
            self.assertEqual(form.order_line.edit(1).price_unit, 60.0)
            form.order_line.remove(1)
            self.assertEqual(form.order_line.edit(0).price_unit, 90.0)
            with form.order_line.new() as line:
                line.product_id = self.shirt_blue
                line.product_uom_qty = 25
        order = form.save()
        self.assertEqual(order.order_line.mapped("price_unit"), [60.0, 60.0])

    def test_manual_price_kept(self):
        order = self._b2b_order(self.dealer, [(self.shirt_red, 30)])
        red = order.order_line
        red.price_unit = 85.0
        self.assertEqual(red.b2b_price_source, "manual")
        order.order_line = [
            Command.create({"product_id": self.shirt_blue.id, "product_uom_qty": 30})
        ]
        blue = order.order_line - red
        self.assertEqual((red.price_unit, blue.price_unit), (85.0, 60.0))
        self.assertEqual(red.b2b_price_source, "manual")
        # "Update prices" resets manual prices, as in Odoo
        order.action_update_prices()
        self.assertEqual(red.price_unit, 60.0)

    def test_tier_change_affects_new_quotations_only(self):
        confirmed = self._b2b_order(self.dealer, [(self.shirt_red, 10)])
        confirmed.action_confirm()
        draft = self._b2b_order(self.dealer, [(self.shirt_red, 10)])
        self.dealer.b2b_tier_id = self.tier_gold
        new = self._b2b_order(self.dealer, [(self.shirt_red, 10)])
        self.assertEqual(new.pricelist_id, self.pl_gold)
        self.assertEqual(new.order_line.price_unit, 80.0)
        self.assertEqual(confirmed.pricelist_id, self.pl_silver)
        self.assertEqual(confirmed.order_line.price_unit, 90.0)
        self.assertEqual(draft.order_line.price_unit, 90.0)
        # a confirmed order is not repriced when a line is added
        self.shirt_tmpl.list_price = 150.0
        confirmed.order_line = [
            Command.create({"product_id": self.shirt_blue.id, "product_uom_qty": 45})
        ]
        self.assertEqual(confirmed.order_line[0].price_unit, 90.0)

    def test_non_dealer_as_plain_odoo(self):
        """Per-line pricing and no repricing of untouched lines."""
        self._rule(self.pl_default, self.shirt_tmpl, 95.0, min_qty=20)
        order = self._b2b_order(self.customer, [(self.shirt_red, 20), (self.mug, 5)])
        self.assertEqual(order.pricelist_id, self.pl_default)
        red, mug = order.order_line
        for line in order.order_line:
            self.assertEqual(
                line.price_unit,
                self.pl_default._get_product_price(
                    line.product_id, line.product_uom_qty
                ),
            )
        self.assertEqual(red.price_unit, 95.0)
        self.assertEqual(red.b2b_price_source, "break")
        self.mug.list_price = 25.0
        order.order_line = [
            Command.create({"product_id": self.shirt_blue.id, "product_uom_qty": 5})
        ]
        # untouched lines keep their price, like in plain Odoo
        self.assertEqual(mug.price_unit, 20.0)
        self.assertEqual(red.price_unit, 95.0)
        mug.product_uom_qty = 6
        self.assertEqual(mug.price_unit, 25.0)

    def test_discount_display(self):
        """A percentage rule shows a discount like Odoo when the option is on."""
        self.env.user.groups_id += self.env.ref("sale.group_discount_per_so_line")
        self._rule(
            self.pl_silver,
            self.cap,
            compute_price="percentage",
            percent_price=20.0,
            min_qty=10,
            scope="category",
        )
        order = self._b2b_order(self.dealer, [(self.cap, 5)])
        cap = order.order_line
        self.assertEqual((cap.price_unit, cap.discount), (50.0, 0.0))
        self.assertEqual(cap.b2b_next_break_price, 40.0)
        cap2 = self._create_product("B2B Cap 2", 50.0, self.categ_caps, "B2B-CAP-2")
        order.order_line = [
            Command.create({"product_id": cap2.id, "product_uom_qty": 5})
        ]
        self.assertEqual((cap.price_unit, cap.discount), (50.0, 20.0))
        self.assertEqual(cap.price_subtotal, 200.0)

    def test_price_key_sql_matches_python(self):
        """The install hook fills the keys exactly as the ORM computes them."""
        order = self._b2b_order(
            self.dealer, [(self.shirt_red, 2.5), (self.shirt_blue, 30), (self.mug, 0)]
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id, %s FROM sale_order_line WHERE order_id = %s",
                PRICE_KEY_SQL,
                order.id,
            )
        )
        keys = dict(self.env.cr.fetchall())
        self.assertEqual(len(keys), 3)
        for line in order.order_line:
            self.assertEqual(keys[line.id], line._b2b_own_price_key())
            self.assertEqual(line.b2b_price_key, keys[line.id])
