# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


@tagged("post_install", "-at_install")
class TestTierPortal(B2bTestFactory, HttpCase):
    """The dealer sees its tier and its history in the portal, and nothing
    of another dealer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Tier = cls.env["b2b.dealer.tier"]
        cls.silver = Tier.create({"name": "Portal Silver", "code": "TRP-S"})
        cls.gold = Tier.create({"name": "Portal Gold", "code": "TRP-G"})
        cls.dealer = cls._b2b_dealer(
            "Portal Dealer", "TRP-1", cls.silver, state="approved"
        )
        cls.other = cls._b2b_dealer(
            "Other Dealer", "TRP-2", cls.silver, state="approved"
        )
        cls.dealer.b2b_tier_id = cls.gold
        cls.other.b2b_tier_id = cls.gold
        cls.other.b2b_tier_id = cls.silver
        cls.env["b2b.tier.change"].search(
            [("partner_id", "=", cls.dealer.id)]
        ).sudo().write({"note": "OUR-NOTE"})
        cls.buyer = cls._b2b_buyer(cls.dealer, "trp_buyer")
        cls.plain = cls._b2b_buyer(
            cls.env["res.partner"].create({"name": "Plain Co", "is_company": True}),
            "trp_plain",
            roles=(),
        )
        cls.mine = cls.env["b2b.tier.change"].search(
            [("partner_id", "=", cls.dealer.id)]
        )
        cls.theirs = cls.env["b2b.tier.change"].search(
            [("partner_id", "=", cls.other.id)]
        )

    def test_tier_page(self):
        self.authenticate("trp_buyer", "trp_buyer")
        response = self.url_open("/my/b2b/tier")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn('name="b2b_tier_current_name">Portal Gold<', html)
        self.assertIn(f'data-change-id="{self.mine.id}"', html)
        for change in self.theirs:
            self.assertNotIn(f'data-change-id="{change.id}"', html)
        self.assertEqual(html.count('name="b2b_tier_change_row"'), 1)

    def test_home_and_account(self):
        self.authenticate("trp_buyer", "trp_buyer")
        home = self.url_open("/my").text
        self.assertIn("/my/b2b/tier", home)
        self.assertIn('name="b2b_tier_home_name">Portal Gold<', home)
        account = self.url_open("/my/account").text
        self.assertIn('name="b2b_tier_account_name">Portal Gold<', account)

    def test_not_a_dealer(self):
        self.authenticate("trp_plain", "trp_plain")
        self.assertEqual(self.url_open("/my/b2b/tier").status_code, 404)
        self.assertNotIn("/my/b2b/tier", self.url_open("/my").text)

    def test_override_shown(self):
        self.dealer.b2b_tier_override_until = date(2099, 1, 1)
        self.authenticate("trp_buyer", "trp_buyer")
        self.assertIn('name="b2b_tier_override"', self.url_open("/my/b2b/tier").text)
