# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Demo data of regional sourcing, made in Python because Odoo's warehouse
name is not a translatable field: the warehouses are named with translatable
terms in the language of the company (English, or Chinese from zh_CN.po).

- ``b2b_sale_stock.stock_warehouse_east`` (East China Warehouse, ECW),
  ``b2b_sale_stock.stock_warehouse_south`` (South China Warehouse, SCW) and
  ``b2b_sale_stock.stock_warehouse_north`` (North China Warehouse, NCW);
- East China sources from East, South, then the main warehouse; South China
  from South, East, then the main warehouse; North China from North, the
  main warehouse, then East; South-West from the main warehouse, then South
  and East;
- stock: East has red T-shirts (S) and caps, South has 500 ml bottles and
  caps, North has blue T-shirts (M) and 750 ml bottles (the other products
  stay in the main warehouse);
- a dealer per regional warehouse: dealer A (East China), dealer B (South
  China) and ``b2b_sale_stock.res_partner_dealer_north`` (North China,
  approved, Standard tier) with its purchaser ``dealer_n_purchaser``
  (password = login, demo only);
- ``b2b_sale_stock.sale_order_demo_regional``: dealer A (East China) orders
  20 T-shirts (East covers them) and 24 bottles (East has none, South
  does): two deliveries, ECW and SCW. A split line needs a quantity no
  warehouse has: the main warehouse has plenty of every demo product
  (``b2b_portal``), so the tests show the split, not the demo.
"""

from odoo import Command, api, models

MODULE = "b2b_sale_stock"

#: key -> (xml id, code); the name is set in _b2b_demo_warehouse_name
WAREHOUSES = {
    "east": ("stock_warehouse_east", "ECW"),
    "south": ("stock_warehouse_south", "SCW"),
    "north": ("stock_warehouse_north", "NCW"),
}

#: region xml id -> the warehouses of its list, in order (main = WH)
LISTS = {
    "b2b_base.b2b_dealer_region_east": ["east", "south", "main"],
    "b2b_base.b2b_dealer_region_south": ["south", "east", "main"],
    "b2b_base.b2b_dealer_region_north": ["north", "main", "east"],
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
    "north": [
        ("b2b_pricing.product_product_ts_blu_m", 120),
        ("b2b_pricing.product_product_btl_750", 200),
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
            "north": self.env._("North China Warehouse"),
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
        for key, (xmlid, code) in WAREHOUSES.items():
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
        self._b2b_demo_north_dealer(company, lang)
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
    def _b2b_demo_north_dealer(self, company, lang):
        """An approved dealer of North China and its purchaser (the North
        China Warehouse serves it)."""
        ref = self.env.ref
        region = ref("b2b_base.b2b_dealer_region_north", raise_if_not_found=False)
        tier = ref("b2b_base.b2b_dealer_tier_standard", raise_if_not_found=False)
        if not region:
            return
        name = self.with_context(lang=lang).env._("Shijiazhuang Beifang Machinery")
        dealer = (
            self.env["res.partner"]
            .with_context(b2b_import_state=True, tracking_disable=True)
            .create(
                {
                    "name": name,
                    "is_company": True,
                    "company_id": company.id,
                    "country_id": ref("base.cn").id,
                    "city": "Shijiazhuang",
                    "email": "info@dealer-n.example.com",
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": "HE-001",
                    "b2b_tier_id": tier.id if tier else False,
                    "b2b_region_id": region.id,
                    "b2b_state": "approved",
                }
            )
        )
        self._b2b_demo_xmlid(dealer, "res_partner_dealer_north")
        purchaser = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Zhao Lei",
                    "login": "dealer_n_purchaser",
                    "password": "dealer_n_purchaser",
                    "email": "dealer_n_purchaser@dealer-n.example.com",
                    "parent_id": dealer.id,
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [
                        Command.set(
                            [
                                ref("base.group_portal").id,
                                ref("b2b_base.b2b_base_group_buyer_purchaser").id,
                            ]
                        )
                    ],
                }
            )
        )
        self._b2b_demo_xmlid(purchaser, "res_users_dealer_north_purchaser")

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
