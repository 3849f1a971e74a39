# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import B2bBaseCommon


@tagged("post_install", "-at_install")
class TestMultiCompany(B2bBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.company
        cls.company_b = cls.env["res.company"].create({"name": "B2B Company B"})
        cls.tier_b = cls.env["b2b.dealer.tier"].create(
            {"name": "Gold B", "code": "GLD-B", "company_id": cls.company_b.id}
        )
        cls.region_b = cls.env["b2b.dealer.region"].create(
            {"name": "Region B", "company_id": cls.company_b.id}
        )
        cls.tier_shared = cls.env["b2b.dealer.tier"].create(
            {"name": "Shared", "code": "SHR", "company_id": False}
        )
        cls.user_a = cls._b2b_internal_user(
            "b2b_user_company_a",
            "b2b_base.b2b_base_group_manager",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.dealer.company_id = cls.company_a

    def test_company_b_records_invisible(self):
        Tier = self.env["b2b.dealer.tier"].with_user(self.user_a)
        tiers = Tier.search([])
        self.assertIn(self.tier_gold, tiers)
        self.assertIn(self.tier_shared, tiers)
        self.assertNotIn(self.tier_b, tiers)
        with self.assertRaises(AccessError):
            Tier.browse(self.tier_b.id).read(["name"])
        regions = self.env["b2b.dealer.region"].with_user(self.user_a).search([])
        self.assertIn(self.region_east, regions)
        self.assertNotIn(self.region_b, regions)

    def test_check_company(self):
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            self._create_dealer(
                "Dealer A2", "A2", tier=self.tier_b, company_id=self.company_a.id
            )
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            self._create_dealer(
                "Dealer A3",
                "A3",
                company_id=self.company_a.id,
                b2b_region_id=self.region_b.id,
            )
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            self.dealer.write({"b2b_tier_id": self.tier_b.id})

    def test_compatible_companies(self):
        self.dealer.b2b_tier_id = self.tier_shared
        self.assertEqual(self.dealer.b2b_tier_id, self.tier_shared)
        dealer_b = self._create_dealer(
            "Dealer B",
            "B1",
            tier=self.tier_b,
            company_id=self.company_b.id,
            b2b_region_id=self.region_b.id,
        )
        self.assertEqual(dealer_b.b2b_tier_id, self.tier_b)
        # a shared partner may use the tier of the company it is used in
        shared = self._create_dealer("Shared", "S1", tier=self.tier_b)
        self.assertFalse(shared.company_id)
        self.assertEqual(shared.b2b_tier_id, self.tier_b)

    def test_move_dealer_to_other_company(self):
        dealer_b = self._create_dealer(
            "Dealer B",
            "B1",
            tier=self.tier_b,
            company_id=self.company_b.id,
            b2b_region_id=self.region_b.id,
        )
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            dealer_b.company_id = self.company_a
