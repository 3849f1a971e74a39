# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin
from odoo.addons.product.models.product_pricelist import Pricelist as OdooPricelist
from odoo.addons.product.models.product_pricelist_item import (
    PricelistItem as OdooPricelistItem,
)

from .common import B2bPricingCommon

SALESMAN = "sales_team.group_sale_salesman"


class PlainOdooPricingCommon(B2bPricingCommon):
    """Customers that are not dealers, in every case of Odoo's pricelist
    choice: nothing set (fallback), a country of a country group, their own
    pricelist, a contact of a company with its own pricelist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls._b2b_internal_user("b2b_plain_pricing_salesman", SALESMAN)
        be, fr = cls.env.ref("base.be"), cls.env.ref("base.fr")
        cls.customer_fr = cls.Partner.create({"name": "Plain FR", "country_id": fr.id})
        cls.customer_own = cls.Partner.create(
            {"name": "Plain Own", "country_id": be.id, "is_company": True}
        )
        cls.customer_own.property_product_pricelist = cls.pl_contract
        cls.customer_own_contact = cls.Partner.create(
            {"name": "Plain Own Buyer", "parent_id": cls.customer_own.id}
        )
        cls.plain_partners = (
            cls.customer | cls.customer_fr | cls.customer_own | cls.customer_own_contact
        )


@tagged("post_install", "-at_install")
class TestPlainOdooPricing(B2bQueryLogMixin, PlainOdooPricingCommon):
    """``product.pricelist._get_partner_pricelist_multi`` (and its filter
    hook), ``res.partner._compute_product_pricelist`` /
    ``_inverse_product_pricelist`` and ``product.pricelist.item.
    _compute_base_price`` give Odoo's own results for customers that are not
    dealers, and a salesman without B2B rights sets their pricelist."""

    def _odoo_choice(self, partners):
        """What Odoo's own ``_get_partner_pricelist_multi`` returns (the
        product module's method, without the suite's override)."""
        return OdooPricelist._get_partner_pricelist_multi(
            self.env["product.pricelist"], partners.ids
        )

    def test_pricelist_choice_is_odoo(self):
        """Fallback, country group, own pricelist, a contact's inherited
        pricelist: the same pricelist as Odoo's resolution, no origin."""
        expected = {
            self.customer: self.pl_default,
            self.customer_fr: self.pl_regional,
            self.customer_own: self.pl_contract,
            self.customer_own_contact: self.pl_contract,
        }
        partners = self.plain_partners
        odoo = self._odoo_choice(partners)
        result, queries = self._b2b_log_queries(
            self.env["product.pricelist"]._get_partner_pricelist_multi, partners.ids
        )
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(result, odoo)
        for partner, pricelist in expected.items():
            self.assertEqual(odoo[partner.id], pricelist, partner.name)
            partner.invalidate_recordset(["property_product_pricelist"])
            self.assertEqual(partner.property_product_pricelist, pricelist)
            self.assertFalse(partner.b2b_pricelist_source)

    def test_pricelist_choice_other_company(self):
        """In a second company (company-dependent properties), same as
        Odoo's resolution."""
        company_2 = self.env["res.company"].create({"name": "B2B Plain Pricing 2"})
        pl_2 = self.Pricelist.create(
            {"name": "B2B Company 2", "company_id": company_2.id, "sequence": 1}
        )
        Pricelist = self.env["product.pricelist"].with_company(company_2)
        odoo = OdooPricelist._get_partner_pricelist_multi(
            Pricelist, self.plain_partners.ids
        )
        result = Pricelist._get_partner_pricelist_multi(self.plain_partners.ids)
        self.assertEqual(result, odoo)
        self.assertEqual(result[self.customer.id], pl_2)
        # the country group's pricelist belongs to the first company
        self.assertEqual(result[self.customer_fr.id], pl_2)

    def test_archived_own_pricelist_filter_hook(self):
        """An archived own pricelist is skipped (the filter hook), as Odoo."""
        self.pl_contract.active = False
        odoo = self._odoo_choice(self.plain_partners)
        result = self.env["product.pricelist"]._get_partner_pricelist_multi(
            self.plain_partners.ids
        )
        self.assertEqual(result, odoo)
        self.assertEqual(result[self.customer_own.id], self.pl_default)

    def test_salesman_sets_customer_pricelist(self):
        """A salesman picks a pricelist on the customer form: stored as the
        customer's own pricelist (Odoo's inverse); picking the country's
        pricelist again clears it; no B2B query."""
        customer = self.customer_fr.with_user(self.salesman)
        __, queries = self._b2b_log_queries(
            customer.write, {"property_product_pricelist": self.pl_silver.id}
        )
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(customer.specific_property_product_pricelist, self.pl_silver)
        customer.invalidate_recordset()
        self.assertEqual(customer.property_product_pricelist, self.pl_silver)
        customer.write({"property_product_pricelist": self.pl_regional.id})
        self.assertFalse(customer.specific_property_product_pricelist)
        customer.invalidate_recordset()
        self.assertEqual(customer.property_product_pricelist, self.pl_regional)

    def test_base_price_is_odoo(self):
        """``_compute_base_price`` outside the cart engine: Odoo's result for
        the three bases (sales price, cost, another pricelist), and the
        prices of a customer's pricelist are Odoo's."""
        self.shirt_red.standard_price = 40.0
        formula = self.Pricelist.create(
            {
                "name": "B2B Plain Formula",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 10.0,
                            "base": "list_price",
                            "min_quantity": 5,
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "2_product_category",
                            "categ_id": self.categ_caps.id,
                            "compute_price": "formula",
                            "base": "standard_price",
                            "price_markup": 50.0,
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "formula",
                            "base": "pricelist",
                            "base_pricelist_id": self.pl_regional.id,
                            "price_discount": 20.0,
                        }
                    ),
                ],
            }
        )
        self.cap.standard_price = 30.0
        now = fields.Datetime.now()
        for item in formula.item_ids:
            for product in (self.shirt_red, self.cap):
                self.assertEqual(
                    item._compute_base_price(
                        product, 1.0, product.uom_id, now, self.currency
                    ),
                    OdooPricelistItem._compute_base_price(
                        item, product, 1.0, product.uom_id, now, self.currency
                    ),
                )
        self.customer.property_product_pricelist = formula
        pricelist = self.customer.property_product_pricelist
        self.assertEqual(pricelist, formula)
        # the shirt: 85 on the regional pricelist, -20 %
        self.assertAlmostEqual(pricelist._get_product_price(self.shirt_red, 1), 68.0)
        # 5 shirts: 10 % off the sales price
        self.assertAlmostEqual(pricelist._get_product_price(self.shirt_red, 5), 90.0)
        # the cap: cost 30 + 50 %
        self.assertAlmostEqual(pricelist._get_product_price(self.cap, 1), 45.0)
