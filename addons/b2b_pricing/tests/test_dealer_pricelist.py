# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import B2bPricingCommon


@tagged("post_install", "-at_install")
class TestDealerPricelist(B2bPricingCommon):
    def _pricelist(self, partner):
        partner.invalidate_recordset(["property_product_pricelist"])
        return partner.property_product_pricelist

    def test_tier_pricelist(self):
        self.assertEqual(self._pricelist(self.dealer), self.pl_silver)
        self.assertEqual(self.dealer.b2b_pricelist_source, "tier")
        self.assertEqual(self._pricelist(self.dealer_gold), self.pl_gold)

    def test_contact_follows_dealer(self):
        contact = self.Partner.create(
            {"name": "Buyer", "parent_id": self.dealer.id, "type": "contact"}
        )
        self.assertEqual(self._pricelist(contact), self.pl_silver)
        self.dealer.specific_property_product_pricelist = self.pl_contract
        self.assertEqual(self._pricelist(contact), self.pl_contract)

    def test_tier_change_changes_pricelist(self):
        self.dealer.b2b_tier_id = self.tier_gold
        self.assertEqual(self._pricelist(self.dealer), self.pl_gold)
        self.tier_gold.pricelist_id = self.pl_contract
        self.assertEqual(self._pricelist(self.dealer), self.pl_contract)
        self.assertEqual(self.dealer.b2b_pricelist_source, "tier")

    def test_contract_overrides_tier(self):
        self.dealer.property_product_pricelist = self.pl_contract
        self.assertEqual(
            self.dealer.specific_property_product_pricelist, self.pl_contract
        )
        self.assertEqual(self._pricelist(self.dealer), self.pl_contract)
        self.assertEqual(self.dealer.b2b_pricelist_source, "contract")
        # the contract survives a tier change
        self.dealer.b2b_tier_id = self.tier_gold
        self.assertEqual(self._pricelist(self.dealer), self.pl_contract)

    def test_choosing_tier_pricelist_is_no_contract(self):
        """Setting the tier's pricelist on the form does not freeze it."""
        self.dealer.property_product_pricelist = self.pl_silver
        self.assertFalse(self.dealer.specific_property_product_pricelist)
        self.dealer.b2b_tier_id = self.tier_gold
        self.assertEqual(self._pricelist(self.dealer), self.pl_gold)

    def test_archived_contract_is_ignored(self):
        self.dealer.specific_property_product_pricelist = self.pl_contract
        self.pl_contract.active = False
        self.assertEqual(self._pricelist(self.dealer), self.pl_silver)

    def test_precedence_matrix(self):
        """contract > (tier, region in the company's order) > Odoo default."""
        france = self.env.ref("base.fr")
        dealer_fr = self._create_dealer(
            "Dealer FR", "P-FR", self.tier_silver, country_id=france.id
        )
        no_pl_tier = self.env["b2b.dealer.tier"].create(
            {"name": "No pricelist", "code": "P-NONE"}
        )
        dealer_plain = self._create_dealer("Dealer BE", "P-BE", no_pl_tier)
        cases = [
            # (precedence, dealer, contract, expected pricelist, expected source)
            ("tier", dealer_fr, False, self.pl_silver, "tier"),
            ("region", dealer_fr, False, self.pl_regional, "region"),
            ("tier", dealer_fr, True, self.pl_contract, "contract"),
            ("region", dealer_fr, True, self.pl_contract, "contract"),
            ("tier", dealer_plain, False, self.pl_default, "default"),
            ("region", dealer_plain, False, self.pl_default, "default"),
        ]
        for precedence, dealer, contract, expected, source in cases:
            with self.subTest(precedence=precedence, dealer=dealer.name, c=contract):
                self.company.b2b_pricelist_precedence = precedence
                dealer.specific_property_product_pricelist = (
                    self.pl_contract if contract else False
                )
                self.assertEqual(self._pricelist(dealer), expected)
                self.assertEqual(dealer.b2b_pricelist_source, source)

    def test_b2b_region_pricelist(self):
        """A region's own pricelist is the regional pricelist of its dealers."""
        self.region.pricelist_id = self.pl_regional
        self.dealer.b2b_region_id = self.region
        self.company.b2b_pricelist_precedence = "region"
        self.assertEqual(self._pricelist(self.dealer), self.pl_regional)
        self.assertEqual(self.dealer.b2b_pricelist_source, "region")
        self.company.b2b_pricelist_precedence = "tier"
        self.assertEqual(self._pricelist(self.dealer), self.pl_silver)

    def test_non_dealer_unchanged(self):
        """A customer that is no dealer gets exactly Odoo's pricelist."""
        france = self.env.ref("base.fr")
        customer_fr = self.Partner.create(
            {
                "name": "FR customer",
                "country_id": france.id,
                # tier set on a non-dealer is ignored
                "b2b_tier_id": self.tier_gold.id,
            }
        )
        odoo_result = self.Pricelist._b2b_get_partner_pricelist_sources(customer_fr.ids)
        self.assertEqual(odoo_result, {})
        self.assertEqual(self._pricelist(customer_fr), self.pl_regional)
        self.assertEqual(self._pricelist(self.customer), self.pl_default)
        self.assertFalse(self.customer.b2b_pricelist_source)
        # Odoo's inverse: choosing the country pricelist stores nothing
        customer_fr.property_product_pricelist = self.pl_regional
        self.assertFalse(customer_fr.specific_property_product_pricelist)
        customer_fr.property_product_pricelist = self.pl_gold
        self.assertEqual(customer_fr.specific_property_product_pricelist, self.pl_gold)

    def test_partner_form_flow(self):
        """In the form, the pricelist follows the tier; saving it is no contract."""
        self.env.user.groups_id += self.env.ref("product.group_product_pricelist")
        with Form(self.dealer) as form:
            self.assertEqual(form.property_product_pricelist, self.pl_silver)
            form.b2b_tier_id = self.tier_gold
            self.assertEqual(form.property_product_pricelist, self.pl_gold)
            self.assertEqual(form.b2b_pricelist_source, "tier")
        self.assertFalse(self.dealer.specific_property_product_pricelist)
        with Form(self.dealer) as form:
            form.property_product_pricelist = self.pl_contract
        self.assertEqual(
            self.dealer.specific_property_product_pricelist, self.pl_contract
        )
        self.assertEqual(self._pricelist(self.dealer), self.pl_contract)

    def test_shared_tier_pricelist_per_company(self):
        """A tier shared by two companies names one pricelist per company."""
        company_b = self.env["res.company"].create({"name": "B2B Pricing Co B"})
        pl_b = self.Pricelist.create(
            {"name": "B2B Silver B", "company_id": company_b.id}
        )
        self.tier_silver.company_id = False
        self.tier_silver.with_company(company_b).pricelist_id = pl_b
        self.dealer.company_id = False
        self.assertEqual(self._pricelist(self.dealer), self.pl_silver)
        self.assertEqual(self._pricelist(self.dealer.with_company(company_b)), pl_b)
        # a pricelist of another company is never used
        self.tier_silver.with_company(company_b).pricelist_id = self.pl_gold.id
        self.pl_gold.company_id = self.company
        self.assertEqual(
            self._pricelist(self.dealer.with_company(company_b)).company_id.id
            in (company_b.id, False),
            True,
        )
