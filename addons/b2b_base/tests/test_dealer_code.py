# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import B2bBaseCommon


@tagged("post_install", "-at_install")
class TestDealerCode(B2bBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "B2B Company B"})
        cls.dealer.company_id = cls.company

    def test_same_company_refused(self):
        with self.assertRaisesRegex(ValidationError, "DT-A is already used"):
            self._create_dealer("Dup", "DT-A", company_id=self.company.id)

    def test_case_insensitive(self):
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._create_dealer("Dup", "dt-a", company_id=self.company.id)
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._create_dealer("Dup", " Dt-A ", company_id=self.company.id)

    def test_other_company_allowed(self):
        other = self._create_dealer("Other Co", "DT-A", company_id=self.company_b.id)
        self.assertEqual(other.b2b_dealer_code, "DT-A")

    def test_shared_partner_refused(self):
        """A partner shared between companies clashes with every company."""
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._create_dealer("Shared", "DT-A", company_id=False)
        shared = self._create_dealer("Shared", "SH-1", company_id=False)
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._create_dealer("Company B", "sh-1", company_id=self.company_b.id)
        self.assertTrue(shared)

    def test_batch_create_refused(self):
        with self.assertRaisesRegex(ValidationError, "already used"):
            self.Partner.create(
                [
                    {"name": "One", "b2b_dealer_code": "BATCH", "company_id": False},
                    {"name": "Two", "b2b_dealer_code": "batch", "company_id": False},
                ]
            )

    def test_hidden_dealer_still_clashes(self):
        """A rep who cannot see another rep's dealer cannot reuse its code."""
        self.dealer.user_id = self.rep_other
        self.assertFalse(
            self.Partner.with_user(self.rep_own).search([("id", "=", self.dealer.id)])
        )
        with self.assertRaisesRegex(ValidationError, "already used"):
            self.Partner.with_user(self.rep_own).create(
                {
                    "name": "Mine",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": "DT-A",
                    "company_id": self.company.id,
                    "user_id": self.rep_own.id,
                }
            )

    def test_archived_dealer_clashes(self):
        self.dealer.action_archive()
        with self.assertRaisesRegex(ValidationError, "already used"):
            self._create_dealer("Dup", "DT-A", company_id=self.company.id)

    def test_tier_code_unique(self):
        with self.assertRaisesRegex(ValidationError, "tier code"):
            self.env["b2b.dealer.tier"].create({"name": "Gold 2", "code": "t-gld"})
        tier_b = (
            self.env["b2b.dealer.tier"]
            .with_company(self.company_b)
            .create({"name": "Gold B", "code": "T-GLD-B"})
        )
        self.assertEqual(tier_b.company_id, self.company_b)
