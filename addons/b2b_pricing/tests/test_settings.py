# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bPricingCommon


@tagged("post_install", "-at_install")
class TestPricelistFeature(B2bPricingCommon):
    """Tier prices are pricelists: the module switches Odoo's "Pricelists"
    feature on, so that saving the Settings page never archives them."""

    def test_pricelist_feature_on_for_internal_users(self):
        self.assertIn(
            self.env.ref("product.group_product_pricelist"),
            self.env.ref("base.group_user").implied_ids,
        )

    def test_saving_settings_keeps_tier_pricelists(self):
        pricelist = self.tier_gold.pricelist_id
        self.assertTrue(pricelist.active)
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.group_product_pricelist)
        settings.execute()
        self.assertTrue(pricelist.active)
        self.assertTrue(self.tier_gold.pricelist_id.active)
