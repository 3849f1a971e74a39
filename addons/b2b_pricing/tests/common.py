# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class B2bPricingCommon(B2bTestFactory, TransactionCase):
    """Tiers with pricelists, a regional pricelist, dealers and products."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.currency = cls.company.currency_id
        cls.Partner = cls.env["res.partner"]
        cls.Pricelist = cls.env["product.pricelist"]
        cls.uom_unit = cls.env.ref("uom.product_uom_unit")
        cls.uom_dozen = cls.env.ref("uom.product_uom_dozen")
        # Products: a shirt template with two colours, caps, in two categories
        cls.categ_apparel = cls.env["product.category"].create({"name": "Apparel"})
        cls.categ_shirts = cls.env["product.category"].create(
            {"name": "Shirts", "parent_id": cls.categ_apparel.id}
        )
        cls.categ_caps = cls.env["product.category"].create(
            {"name": "Caps", "parent_id": cls.categ_apparel.id}
        )
        cls.categ_other = cls.env["product.category"].create({"name": "Other"})
        color = cls.env["product.attribute"].create(
            {
                "name": "B2B Colour",
                "value_ids": [
                    Command.create({"name": "Red"}),
                    Command.create({"name": "Blue"}),
                ],
            }
        )
        cls.shirt_tmpl = cls.env["product.template"].create(
            {
                "name": "B2B Shirt",
                "list_price": 100.0,
                "categ_id": cls.categ_shirts.id,
                "uom_id": cls.uom_unit.id,
                "uom_po_id": cls.uom_unit.id,
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": color.id,
                            "value_ids": [Command.set(color.value_ids.ids)],
                        }
                    )
                ],
            }
        )
        cls.shirt_red, cls.shirt_blue = cls.shirt_tmpl.product_variant_ids
        cls.shirt_red.default_code = "B2B-SHIRT-RED"
        cls.shirt_blue.default_code = "B2B-SHIRT-BLUE"
        cls.cap = cls._create_product("B2B Cap", 50.0, cls.categ_caps, "B2B-CAP")
        cls.mug = cls._create_product("B2B Mug", 20.0, cls.categ_other, "B2B-MUG")
        # Pricelists
        cls.pl_default = cls.Pricelist.create({"name": "B2B Public", "sequence": 1})
        cls.pl_silver = cls.Pricelist.create({"name": "B2B Silver", "sequence": 50})
        cls.pl_gold = cls.Pricelist.create({"name": "B2B Gold", "sequence": 50})
        cls.pl_contract = cls.Pricelist.create({"name": "B2B Contract", "sequence": 50})
        cls.country_group = cls.env["res.country.group"].create(
            {
                "name": "B2B Test Group",
                "country_ids": [Command.set(cls.env.ref("base.fr").ids)],
            }
        )
        cls.pl_regional = cls.Pricelist.create(
            {
                "name": "B2B Regional",
                "sequence": 40,
                "country_group_ids": [Command.set(cls.country_group.ids)],
            }
        )
        cls._rule(cls.pl_silver, cls.shirt_tmpl, 90.0)
        cls._rule(cls.pl_gold, cls.shirt_tmpl, 80.0)
        cls._rule(cls.pl_contract, cls.shirt_tmpl, 70.0)
        cls._rule(cls.pl_regional, cls.shirt_tmpl, 85.0)
        # Tiers and region
        cls.tier_silver = cls.env["b2b.dealer.tier"].create(
            {"name": "Silver", "code": "P-SILVER", "pricelist_id": cls.pl_silver.id}
        )
        cls.tier_gold = cls.env["b2b.dealer.tier"].create(
            {"name": "Gold", "code": "P-GOLD", "pricelist_id": cls.pl_gold.id}
        )
        cls.region = cls.env["b2b.dealer.region"].create(
            {"name": "P-East", "code": "P-EAST"}
        )
        cls.dealer = cls._create_dealer("Dealer Silver", "P-D1", cls.tier_silver)
        cls.dealer_gold = cls._create_dealer("Dealer Gold", "P-D2", cls.tier_gold)
        cls.customer = cls.Partner.create(
            {"name": "Plain Customer", "country_id": cls.env.ref("base.be").id}
        )

    @classmethod
    def _create_product(cls, name, price, categ, code, **vals):
        return cls._b2b_product(name, code, price, categ_id=categ.id, **vals)

    @classmethod
    def _rule(cls, pricelist, target, price=None, min_qty=0.0, scope="line", **vals):
        """A fixed-price rule on a template, variant, category or everything."""
        values = {
            "pricelist_id": pricelist.id,
            "compute_price": "fixed",
            "fixed_price": price or 0.0,
            "min_quantity": min_qty,
            "b2b_qty_scope": scope,
        }
        if not target:
            values["applied_on"] = "3_global"
        elif target._name == "product.template":
            values.update(applied_on="1_product", product_tmpl_id=target.id)
        elif target._name == "product.product":
            values.update(
                applied_on="0_product_variant",
                product_id=target.id,
                product_tmpl_id=target.product_tmpl_id.id,
            )
        else:
            values.update(applied_on="2_product_category", categ_id=target.id)
        values.update(vals)
        return cls.env["product.pricelist.item"].create(values)

    @classmethod
    def _create_dealer(cls, name, code, tier, approve=True, **vals):
        """A Belgian dealer, approved through its lifecycle unless not
        ``approve``."""
        vals = {"country_id": cls.env.ref("base.be").id, **vals}
        dealer = cls._b2b_dealer(name, code, tier, **vals)
        if approve:
            for state in ("applied", "review", "approved"):
                dealer._b2b_set_state(state)
        return dealer

    @classmethod
    def _create_portal_user(cls, dealer, login):
        """A portal user of ``dealer`` without buyer role."""
        return cls._b2b_buyer(dealer, login, ())

    def _price_cart(self, pricelist, lines, **kwargs):
        """lines: list of (product, qty[, uom]); returns the results in order."""
        cart = [
            {
                "key": index,
                "product": line[0],
                "quantity": line[1],
                "uom": line[2] if len(line) > 2 else line[0].uom_id,
            }
            for index, line in enumerate(lines)
        ]
        results = pricelist._b2b_compute_cart(cart, **kwargs)
        return [results[index] for index in range(len(lines))]
