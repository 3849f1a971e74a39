# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Demo data of regional sourcing, made in Python because Odoo's warehouse
name is not a translatable field: the warehouses are named with translatable
terms in the language of the company (English, or Chinese from zh_CN.po).

- ``b2b_sale_stock.stock_warehouse_east`` (East China Warehouse, ECW) and
  ``b2b_sale_stock.stock_warehouse_south`` (South China Warehouse, SCW);
- East China sources from East, South, then the main warehouse; South China
  from South, East, then the main warehouse; North China and South-West
  from the main warehouse, then East and South;
- stock: East has red T-shirts (S) and caps, South has 500 ml bottles and
  caps (the other products stay in the main warehouse);
- ``b2b_sale_stock.sale_order_demo_regional``: dealer A (East China) orders
  20 T-shirts (East covers them) and 24 bottles (East has none, South
  does): two deliveries, ECW and SCW. A split line needs a quantity no
  warehouse has: the main warehouse has plenty of every demo product
  (``b2b_portal``), so the tests show the split, not the demo.
"""

from odoo import Command, api, models

MODULE = "b2b_sale_stock"

#: (xml id, code, English name is set in _b2b_demo_warehouse_name)
WAREHOUSES = [("stock_warehouse_east", "ECW"), ("stock_warehouse_south", "SCW")]

#: region xml id -> the warehouses of its list, in order (main = WH)
LISTS = {
    "b2b_base.b2b_dealer_region_east": ["east", "south", "main"],
    "b2b_base.b2b_dealer_region_south": ["south", "east", "main"],
    "b2b_base.b2b_dealer_region_north": ["main", "east", "south"],
    "b2b_base.b2b_dealer_region_southwest": ["main", "south", "east"],
}

#: warehouse -> (product xml id, quantity)
STOCK = {
    "east": [
        ("b2b_pricing.product_product_ts_red_s", 150),
        ("b2b_pricing.product_product_cap_blk", 40),
    ],
    "south": [
        ("b2b_pricing.product_product_btl_500", 300),
        ("b2b_pricing.product_product_cap_blk", 60),
    ],
}

ORDER_LINES = [
    ("b2b_pricing.product_product_ts_red_s", 20),
    ("b2b_pricing.product_product_btl_500", 24),
]


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    @api.model
    def _b2b_demo_warehouse_name(self, key):
        names = {
            "east": self.env._("East China Warehouse"),
            "south": self.env._("South China Warehouse"),
        }
        return names[key]

    @api.model
    def _b2b_sale_stock_demo(self):
        """Create the demo once (an upgrade does not create it again)."""
        ref = self.env.ref
        if ref(f"{MODULE}.stock_warehouse_east", raise_if_not_found=False):
            return
        company = ref("base.main_company")
        lang = company.partner_id.lang or "en_US"
        warehouses = {"main": ref("stock.warehouse0")}
        # Multi-warehouse for every internal user, set as Odoo does it after a
        # second warehouse, but before: Odoo would otherwise save the whole
        # Settings page, and its default of every other option (e.g. the
        # pricelist feature off) would apply too
        ref("base.group_user").implied_ids = [
            Command.link(ref("stock.group_stock_multi_locations").id),
            Command.link(ref("stock.group_stock_multi_warehouses").id),
        ]
        for key, (xmlid, code) in zip(("east", "south"), WAREHOUSES, strict=True):
            name = self.with_context(lang=lang)._b2b_demo_warehouse_name(key)
            warehouse = self.create(
                {"name": name, "code": code, "company_id": company.id}
            )
            self._b2b_demo_xmlid(warehouse, xmlid)
            warehouses[key] = warehouse
        for region_xmlid, keys in LISTS.items():
            region = ref(region_xmlid, raise_if_not_found=False)
            if region:
                region.b2b_warehouse_ids = [
                    Command.create(
                        {
                            "company_id": company.id,
                            "warehouse_id": warehouses[key].id,
                            "sequence": 10 * (index + 1),
                        }
                    )
                    for index, key in enumerate(keys)
                ]
        products = [
            ref(xmlid, raise_if_not_found=False)
            for xmlid in {x for lines in STOCK.values() for x, _q in lines}
        ]
        if not all(products):
            return  # the demo products (b2b_pricing) are not installed
        Quant = self.env["stock.quant"]
        for key, lines in STOCK.items():
            for xmlid, qty in lines:
                Quant._update_available_quantity(
                    ref(xmlid), warehouses[key].lot_stock_id, qty
                )
        dealer = ref("b2b_base.res_partner_dealer_a", raise_if_not_found=False)
        if not dealer or not dealer.b2b_can_order:
            return
        order = self.env["sale.order"].create(
            {
                "partner_id": dealer.id,
                "company_id": company.id,
                "client_order_ref": "ECW-SCW-DEMO",
                "order_line": [
                    Command.create(
                        {"product_id": ref(xmlid).id, "product_uom_qty": qty}
                    )
                    for xmlid, qty in ORDER_LINES
                ],
            }
        )
        order.action_confirm()
        self._b2b_demo_xmlid(order, "sale_order_demo_regional")

    @api.model
    def _b2b_demo_xmlid(self, record, name):
        self.env["ir.model.data"].create(
            {
                "module": MODULE,
                "name": name,
                "model": record._name,
                "res_id": record.id,
                "noupdate": True,
            }
        )
