# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Demo data of the stock analysis, in the warehouses of ``b2b_sale_stock``
(East China, South China and the main warehouse):

- three products of a demo category, received long ago: winter jackets
  (400 days ago in East, 20 of them moved to South since: still 400 days
  old there), umbrellas (200 days ago in South), water filters (60 days ago
  in East, most of them sold 10 days ago) and 200 filters received in the
  main warehouse 20 days ago;
- a low-stock threshold of 50 filters in East and a reordering rule of 30
  umbrellas (no threshold) in the main warehouse, both with the
  administrator as low-stock responsible: the job raises two low-stock
  activities.

Dates are relative to the day the database is created."""

from datetime import timedelta

from odoo import api, fields, models

MODULE = "b2b_stock_analysis"


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_stock_analysis_demo_names(self):
        return {
            "category": self.env._("Seasonal Goods"),
            "jacket": self.env._("Winter Jacket"),
            "umbrella": self.env._("Umbrella"),
            "filter": self.env._("Water Filter"),
        }

    @api.model
    def _b2b_stock_analysis_demo(self):
        ref = self.env.ref
        if ref(f"{MODULE}.product_product_demo_jacket", raise_if_not_found=False):
            return
        east = ref("b2b_sale_stock.stock_warehouse_east", raise_if_not_found=False)
        south = ref("b2b_sale_stock.stock_warehouse_south", raise_if_not_found=False)
        main = ref("stock.warehouse0")
        if not (east and south):
            return
        company = main.company_id
        lang = company.partner_id.lang or "en_US"
        names = self.with_context(lang=lang)._b2b_stock_analysis_demo_names()
        category = self.env["product.category"].create({"name": names["category"]})
        self._b2b_stock_analysis_xmlid(category, "product_category_demo_seasonal")
        products = {}
        for key, sku, cost in (
            ("jacket", "SEA-JKT", 180.0),
            ("umbrella", "SEA-UMB", 25.0),
            ("filter", "SEA-FLT", 60.0),
        ):
            product = (
                self.env["product.product"]
                .with_context(lang=lang)
                .create(
                    {
                        "name": names[key],
                        "default_code": sku,
                        "type": "consu",
                        "is_storable": True,
                        "categ_id": category.id,
                        "standard_price": cost,
                        "list_price": cost * 2,
                    }
                )
            )
            self._b2b_stock_analysis_xmlid(product, f"product_product_demo_{key}")
            products[key] = product
        now = fields.Datetime.now()
        Quant = self.env["stock.quant"]
        for key, warehouse, qty, days in (
            ("jacket", east, 120, 400),
            ("umbrella", south, 80, 200),
            ("filter", east, 48, 60),
            ("filter", main, 200, 20),
        ):
            # the inventory adjustment of Odoo (valued), then its receipt date
            quant = Quant.with_context(inventory_mode=True).create(
                {
                    "product_id": products[key].id,
                    "location_id": warehouse.lot_stock_id.id,
                    "inventory_quantity": qty,
                }
            )
            quant.action_apply_inventory()
            quant.in_date = now - timedelta(days=days)
        # 20 jackets moved from East to South (the age goes with them), 40
        # filters delivered from East 10 days ago, 5 jackets from South
        customers = ref("stock.stock_location_customers")
        self._b2b_stock_analysis_move(
            products["jacket"], east.lot_stock_id, south.lot_stock_id, 20, now
        )
        self._b2b_stock_analysis_move(
            products["filter"],
            east.lot_stock_id,
            customers,
            40,
            now - timedelta(days=10),
        )
        self._b2b_stock_analysis_move(
            products["jacket"],
            south.lot_stock_id,
            customers,
            5,
            now - timedelta(days=100),
        )
        east.b2b_stock_responsible_id = ref("base.user_admin")
        threshold = self.env["b2b.stock.threshold"].create(
            {
                "warehouse_id": east.id,
                "product_id": products["filter"].id,
                "min_qty": 50,
            }
        )
        self._b2b_stock_analysis_xmlid(threshold, "b2b_stock_threshold_demo_filter")
        # no threshold for umbrellas in the main warehouse: the minimum of
        # their (manual) reordering rule applies
        main.b2b_stock_responsible_id = ref("base.user_admin")
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": products["umbrella"].id,
                "warehouse_id": main.id,
                "location_id": main.lot_stock_id.id,
                "product_min_qty": 30,
                "product_max_qty": 100,
                "trigger": "manual",
            }
        )
        self._b2b_stock_analysis_xmlid(orderpoint, "stock_warehouse_orderpoint_demo")
        self.env["b2b.stock.alert"]._b2b_check_low_stock(warehouses=east | main)

    @api.model
    def _b2b_stock_analysis_move(self, product, source, dest, qty, date):
        move = self.env["stock.move"].create(
            {
                "name": product.display_name,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": qty,
                "location_id": source.id,
                "location_dest_id": dest.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.quantity = qty
        move.picked = True
        move._action_done()
        move.write({"date": date})
        move.move_line_ids.write({"date": date})
        return move

    @api.model
    def _b2b_stock_analysis_xmlid(self, record, name):
        self.env["ir.model.data"].create(
            {
                "module": MODULE,
                "name": name,
                "model": record._name,
                "res_id": record.id,
                "noupdate": True,
            }
        )
