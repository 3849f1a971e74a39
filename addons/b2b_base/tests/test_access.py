# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bBaseCommon

PURCHASER = "b2b_base.b2b_base_group_buyer_purchaser"


@tagged("post_install", "-at_install")
class TestAccess(B2bBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dealer)
        cls.dealer_other = cls._approve(
            cls._create_dealer("Dealer Test B", "DT-B", user=cls.rep_other)
        )
        cls.other_contact = cls.Partner.create(
            {"name": "Buyer B", "parent_id": cls.dealer_other.id}
        )
        cls.dealer_free = cls._create_dealer("Dealer Unassigned", "DT-C")
        cls.customer = cls.Partner.create(
            {"name": "Walk-in Customer", "is_company": True}
        )
        cls.all_partners = (
            cls.dealer
            | cls.dealer_contact
            | cls.dealer_other
            | cls.other_contact
            | cls.dealer_free
            | cls.customer
        )
        cls.portal_user = cls._create_portal_user(
            cls.dealer, "b2b_portal_buyer_a", [PURCHASER]
        )

    def _visible(self, user):
        return self.Partner.with_user(user).search(
            [("id", "in", self.all_partners.ids)]
        )

    def test_own_dealers_salesperson(self):
        visible = self._visible(self.rep_own)
        self.assertEqual(
            visible,
            self.dealer | self.dealer_contact | self.dealer_free | self.customer,
        )
        with self.assertRaises(AccessError):
            self.dealer_other.with_user(self.rep_own).read(["name"])
        # and may edit own dealers
        self.dealer.with_user(self.rep_own).b2b_license_number = "LIC-1"
        self.assertEqual(self.dealer.b2b_license_number, "LIC-1")
        with self.assertRaises(AccessError):
            self.dealer_other.with_user(self.rep_own).b2b_license_number = "LIC-2"

    def test_all_dealers_user(self):
        self.assertEqual(self._visible(self.b2b_user), self.all_partners)
        self.assertEqual(self._visible(self.manager), self.all_partners)

    def test_tiers_access(self):
        Tier = self.env["b2b.dealer.tier"]
        self.assertIn(self.tier_gold, Tier.with_user(self.rep_own).search([]))
        with self.assertRaises(AccessError):
            Tier.with_user(self.rep_own).create({"name": "Platinum", "code": "PLT"})
        with self.assertRaises(AccessError):
            self.tier_gold.with_user(self.b2b_user).name = "Gold+"
        tier = Tier.with_user(self.manager).create({"name": "Platinum", "code": "PLT"})
        tier.name = "Platinum+"
        self.assertEqual(tier.name, "Platinum+")
        self.tier_gold.with_user(self.manager).sequence = 35
        self.assertEqual(self.tier_gold.sequence, 35)
        with self.assertRaises(AccessError):
            self.env["b2b.dealer.region"].with_user(self.b2b_user).create(
                {"name": "West"}
            )
        self.env["b2b.dealer.region"].with_user(self.manager).create({"name": "West"})

    def test_tier_dealer_count(self):
        self.assertEqual(self.tier_std.dealer_count, 2)
        self.assertEqual(self.tier_gold.dealer_count, 1)
        action = self.tier_std.with_user(self.rep_own).action_view_dealers()
        dealers = self.Partner.with_user(self.rep_own).search(action["domain"])
        self.assertEqual(dealers, self.dealer_free)

    def test_portal_user_reads_own_dealer_only(self):
        Partner = self.Partner.with_user(self.portal_user)
        own = Partner.browse(self.dealer.id)
        self.assertEqual(own.name, "Dealer Test A")
        self.assertEqual(Partner.browse(self.dealer_contact.id).name, "Buyer A")
        self.assertEqual(
            Partner.search([("id", "in", self.all_partners.ids)]),
            self.dealer | self.dealer_contact,
        )
        with self.assertRaises(AccessError):
            Partner.browse(self.dealer_other.id).read(["name"])
        with self.assertRaises(AccessError):
            Partner.browse(self.other_contact.id).read(["name"])
        with self.assertRaises(AccessError):
            own.write({"name": "Hacked"})
        with self.assertRaises(AccessError):
            self.env["b2b.dealer.tier"].with_user(self.portal_user).create(
                {"name": "Mine", "code": "MINE"}
            )
        self.assertFalse(
            Partner.search([("b2b_dealer_code", "=", "DT-B")]),
            "A portal user must not find another dealer by its code",
        )
