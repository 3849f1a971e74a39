# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo import Command
from odoo.tests import tagged

from .common import B2bPricingSaleCommon

#: the order line fields the sale order form sends for a combo and its items
LINE_FIELDS = (
    "sequence",
    "product_id",
    "product_template_id",
    "name",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "technical_price_unit",
    "discount",
    "virtual_id",
    "linked_virtual_id",
    "linked_line_id",
    "combo_item_id",
    "selected_combo_items",
)


@tagged("post_install", "-at_install")
class TestPlainOdooPricingSale(B2bPricingSaleCommon):
    """The pricing overrides of sale.order.line (``_compute_price_unit``,
    ``_compute_discount``, ``_compute_pricelist_item_id``,
    ``_get_pricelist_price``) and of sale.order (``_recompute_prices``,
    ``_confirmation_error_message``) give Odoo's results: combo products (a
    flow the suite does not use) for dealers and other customers, and plain
    pricelists for customers that are not dealers; a salesman without B2B
    rights does all of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls._b2b_internal_user(
            "b2b_plain_salesman", "sales_team.group_sale_salesman"
        )
        # Combo product: a burger (20 or 25) and a side (10), sold 30
        cls.burger = cls._create_product("B2B Burger", 20.0, cls.categ_other, "B2B-BRG")
        cls.burger_xl = cls._create_product(
            "B2B Burger XL", 25.0, cls.categ_other, "B2B-BRG-XL"
        )
        cls.fries = cls._create_product("B2B Fries", 10.0, cls.categ_other, "B2B-FRY")
        cls.combo_burger, cls.combo_side = cls.env["product.combo"].create(
            [
                {
                    "name": "B2B Burger Choice",
                    "combo_item_ids": [
                        Command.create({"product_id": cls.burger.id}),
                        Command.create(
                            {"product_id": cls.burger_xl.id, "extra_price": 5.0}
                        ),
                    ],
                },
                {
                    "name": "B2B Side Choice",
                    "combo_item_ids": [Command.create({"product_id": cls.fries.id})],
                },
            ]
        )
        cls.meal = cls._create_product(
            "B2B Meal",
            30.0,
            cls.categ_other,
            "B2B-MEAL",
            type="combo",
            combo_ids=[Command.set((cls.combo_burger | cls.combo_side).ids)],
        )
        (cls.burger | cls.burger_xl | cls.fries | cls.meal).taxes_id = False
        cls.side_item = cls.combo_side.combo_item_ids
        cls.basic_items = cls.combo_burger.combo_item_ids[0] | cls.side_item
        # The dealer's tier sells the meal 24 (the items are prorated)
        cls._rule(cls.pl_silver, cls.meal.product_tmpl_id, 24.0)
        cls.customer.property_product_pricelist = cls.pl_default

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _selected_items(self, *items):
        return json.dumps(
            [
                {
                    "combo_item_id": item.id,
                    "product_id": item.product_id.id,
                    "no_variant_attribute_value_ids": [],
                    "product_custom_attribute_values": [],
                }
                for item in items
            ]
        )

    @staticmethod
    def _to_write(value):
        """A value of an onchange result as a value of ``write``."""
        if isinstance(value, dict):
            return value.get("id")
        return value

    def _onchange_lines(self, order, lines):
        """The sale order form's onchange of ``order_line`` with the new
        ``lines`` (a list of values): the values of the lines afterwards."""
        spec = {
            "partner_id": {},
            "pricelist_id": {},
            "order_line": {"fields": {name: {} for name in LINE_FIELDS}},
        }
        result = order.onchange(
            {
                "partner_id": order.partner_id.id,
                "pricelist_id": order.pricelist_id.id,
                "order_line": [
                    (Command.CREATE, f"virtual_{index}", vals)
                    for index, vals in enumerate(lines)
                ],
            },
            ["order_line"],
            spec,
        )
        lines = [dict(vals) for vals in lines]
        for command, line_id, vals in result["value"].get("order_line", []):
            vals = {
                name: self._to_write(value)
                for name, value in vals.items()
                if name != "id"
            }
            if command == Command.UPDATE:
                lines[int(line_id.split("_")[1])].update(vals)
            elif command == Command.CREATE:
                lines.append(vals)
        return lines

    def _configure_combo(self, order, qty, items):
        """The combo configurator of the sale order form, as the web client
        runs it: the combo product is picked (onchange), the dialog gives the
        combo line a ``virtual_id`` and the selected items, the server's
        onchange adds the item lines (``linked_virtual_id``), then
        ``web_save`` creates all the lines in one ``write``."""
        order = order.with_user(self.salesman)
        (combo_vals,) = self._onchange_lines(
            order, [{"product_id": self.meal.id, "product_uom_qty": qty}]
        )
        combo_vals.update(
            virtual_id="b2b-virtual-combo",
            selected_combo_items=self._selected_items(*items),
        )
        lines = self._onchange_lines(order, [combo_vals])
        self.assertEqual(len(lines), 1 + len(items), "the onchange adds the items")
        for vals in lines:
            vals.pop("product_template_id", None)
            vals.pop("selected_combo_items", None)
            # a new record sends all its values, the defaults included
            for name in ("price_unit", "technical_price_unit", "discount"):
                vals.setdefault(name, 0.0)
        order.web_save(
            {"order_line": [Command.create(vals) for vals in lines]},
            {"order_line": {"fields": {"price_unit": {}}}},
        )
        return lines

    def _combo_line(self, order):
        return order.order_line.filtered(lambda line: line.product_id == self.meal)

    def _assert_combo_prices(self, order, combo_price, item_prices, qty):
        combo_line = order.order_line.filtered(
            lambda line: line.product_id == self.meal
        )
        item_lines = order.order_line - combo_line
        self.assertEqual(len(combo_line), 1)
        self.assertEqual(combo_line.price_unit, 0.0)
        self.assertEqual(item_lines.linked_line_id, combo_line)
        self.assertEqual(sorted(item_lines.mapped("price_unit")), sorted(item_prices))
        self.assertAlmostEqual(order.amount_untaxed, combo_price * qty)

    # ------------------------------------------------------------------
    # Combo products
    # ------------------------------------------------------------------
    def test_combo_configurator_plain_customer(self):
        """A salesman's quotation for a customer that is not a dealer: the
        combo configurator saves and the prices are Odoo's (30 prorated over
        the minimum prices 20 and 10, + 5 for the XL burger)."""
        order = self.SaleOrder.with_user(self.salesman).create(
            {"partner_id": self.customer.id}
        )
        self.assertEqual(order.pricelist_id, self.pl_default)
        order_items = (
            self.combo_burger.combo_item_ids[1] | self.combo_side.combo_item_ids
        )
        sent = self._configure_combo(order, 2, order_items)
        # (the burger XL: 20 + 5, the fries: 10)
        self.assertEqual(sorted(vals["price_unit"] for vals in sent), [0.0, 10.0, 25.0])
        self.assertEqual(order.order_line.combo_item_id, order_items)
        self._assert_combo_prices(order, 35.0, [10.0, 25.0], 2)

    def test_combo_configurator_dealer(self):
        """The same for a dealer: the tier price of the combo product (24) is
        prorated over its items exactly as Odoo does (16 and 8)."""
        order = self.SaleOrder.with_user(self.salesman).create(
            {"partner_id": self.dealer.id}
        )
        self.assertEqual(order.pricelist_id, self.pl_silver)
        self._configure_combo(
            order,
            3,
            self.basic_items,
        )
        self._assert_combo_prices(order, 24.0, [16.0, 8.0], 3)
        # the quantity changes later: the items follow their combo
        combo_line = order.order_line.filtered(
            lambda line: line.product_id == self.meal
        )
        order.with_user(self.salesman).write(
            {
                "order_line": [
                    Command.update(line.id, {"product_uom_qty": 5})
                    for line in order.order_line
                ]
            }
        )
        self.assertEqual(combo_line.price_unit, 0.0)
        self._assert_combo_prices(order, 24.0, [16.0, 8.0], 5)

    def test_combo_configurator_pricelist_discount(self):
        """With discounts shown on lines, a 20 % pricelist discount on the
        combo product goes to its items as in Odoo (sale's
        test_combo_product_discount): prices 20 and 10, discount 20 %."""
        # the setting "Discounts" (Odoo reads it on the superuser)
        self.env.ref("base.group_user").implied_ids |= self.env.ref(
            "sale.group_discount_per_so_line"
        )
        self.assertTrue(
            self.env["product.pricelist.item"]._is_discount_feature_enabled()
        )
        self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.pl_default.id,
                "applied_on": "1_product",
                "product_tmpl_id": self.meal.product_tmpl_id.id,
                "compute_price": "percentage",
                "percent_price": 20.0,
            }
        )
        order = self.SaleOrder.with_user(self.salesman).create(
            {"partner_id": self.customer.id}
        )
        self._configure_combo(
            order,
            1,
            self.basic_items,
        )
        items = order.order_line.filtered("combo_item_id")
        self.assertEqual(sorted(items.mapped("price_unit")), [10.0, 20.0])
        self.assertEqual(items.mapped("discount"), [20.0, 20.0])
        self.assertAlmostEqual(order.amount_untaxed, 24.0)

    def test_combo_saved_lines_like_odoo_tests(self):
        """Odoo's own data shape (sale's test_combo_product_discount): the
        combo line is created first, its items with ``linked_line_id``."""
        for partner, prices in (
            (self.customer, [20.0, 10.0]),
            (self.dealer, [16.0, 8.0]),
        ):
            with self.subTest(partner=partner.name):
                order = self.SaleOrder.with_user(self.salesman).create(
                    {"partner_id": partner.id}
                )
                Line = self.env["sale.order.line"].with_user(self.salesman)
                combo_line = Line.create(
                    {"order_id": order.id, "product_id": self.meal.id}
                )
                Line.create(
                    [
                        {
                            "order_id": order.id,
                            "product_id": combo.combo_item_ids[0].product_id.id,
                            "combo_item_id": combo.combo_item_ids[0].id,
                            "linked_line_id": combo_line.id,
                        }
                        for combo in self.combo_burger | self.combo_side
                    ]
                )
                self._assert_combo_prices(order, sum(prices), prices, 1)

    def test_combo_update_prices_and_confirm(self):
        """ "Update prices" and the confirmation keep Odoo's combo prices."""
        order = self.SaleOrder.with_user(self.salesman).create(
            {"partner_id": self.dealer.id}
        )
        self._configure_combo(
            order,
            1,
            self.basic_items,
        )
        order.with_user(self.salesman).action_update_prices()
        self._assert_combo_prices(order, 24.0, [16.0, 8.0], 1)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self._assert_combo_prices(order, 24.0, [16.0, 8.0], 1)

    # ------------------------------------------------------------------
    # Plain pricelists for customers that are not dealers
    # ------------------------------------------------------------------
    def test_plain_customer_prices_are_odoo_prices(self):
        """A customer that is not a dealer, on a pricelist with a quantity
        break of 10 and the cumulative break of the tiers elsewhere: each
        line gets Odoo's price for its own quantity (no cumulative break),
        also after "Update prices"."""
        pricelist = self.Pricelist.create({"name": "B2B Plain Odoo"})
        self._rule(pricelist, self.shirt_tmpl, 95.0)
        self._rule(pricelist, self.shirt_tmpl, 75.0, min_qty=10)
        self.customer.property_product_pricelist = pricelist
        lines = [(self.shirt_red, 6), (self.shirt_blue, 6), (self.cap, 10)]
        order = self._b2b_order(self.customer, lines)
        order.user_id = self.salesman
        order = order.with_user(self.salesman)
        self.assertEqual(order.pricelist_id, pricelist)
        self.assertEqual(order.b2b_pricelist_source, "default")

        def odoo_prices():
            return [
                pricelist._get_product_price(
                    product, qty, uom=product.uom_id, date=order.date_order
                )
                for product, qty in lines
            ]

        self.assertEqual(odoo_prices(), [95.0, 95.0, 50.0])
        self.assertEqual(order.order_line.mapped("price_unit"), odoo_prices())
        order.order_line[0].product_uom_qty = 10
        lines[0] = (self.shirt_red, 10)
        self.assertEqual(order.order_line.mapped("price_unit"), odoo_prices())
        order.action_update_prices()
        self.assertEqual(order.order_line.mapped("price_unit"), odoo_prices())
        self.assertEqual(order.order_line.mapped("discount"), [0.0, 0.0, 0.0])

    def test_plain_customer_confirmation_without_rule_query(self):
        """Confirming a non-dealer's quotation is Odoo's confirmation: the
        order rules (dealers only) are not even read."""
        order = self._b2b_order(self.customer, [(self.cap, 3)])
        order.user_id = self.salesman
        order = order.with_user(self.salesman)
        self.env.flush_all()
        self.env.invalidate_all()
        queries = []
        execute = self.env.cr.execute

        def logged_execute(query, params=None, log_exceptions=True):
            queries.append(str(getattr(query, "code", query)))
            return execute(query, params, log_exceptions)

        self.patch(self.env.cr, "execute", logged_execute)
        order.action_confirm()
        self.env.flush_all()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.order_line.price_unit, 50.0)
        self.assertFalse([q for q in queries if "b2b_order_rule" in q], queries)
