# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bHealthCommon


@tagged("post_install", "-at_install")
class TestHealthAccess(B2bHealthCommon):
    """A salesperson restricted to own dealers sees their health and the
    unassigned dealers'; a dealer user sees all; portal users nothing;
    only dealer managers recompute or change rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._dealer("Mine", "H-MINE")
        cls.theirs = cls._dealer("Theirs", "H-THEIRS", user=cls.rep_2)
        for dealer in cls.mine | cls.theirs:
            cls._order(dealer, 100)
        cls.env["b2b.dealer.health"].sudo()._b2b_compute(cls.company)
        cls.all_user = cls._b2b_internal_user(
            "health_all",
            "sales_team.group_sale_salesman,b2b_base.b2b_base_group_user",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.manager = cls._b2b_internal_user(
            "health_manager",
            "sales_team.group_sale_manager,b2b_base.b2b_base_group_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.portal = cls._b2b_buyer(cls.mine, "health_buyer", ("admin",))

    def test_salesperson_sees_own_dealers(self):
        Health = self.env["b2b.dealer.health"].with_user(self.rep)
        rows = Health.search([("company_id", "=", self.company.id)])
        self.assertEqual(rows.partner_id, self.mine)
        self.assertTrue(rows.reason)
        flags = self.env["b2b.dealer.health.flag"].with_user(self.rep).search([])
        self.assertEqual(flags.partner_id, self.mine)
        with self.assertRaises(AccessError):
            Health.action_b2b_recompute()
        with self.assertRaises(AccessError):
            self.rule_no_order.with_user(self.rep).threshold = 1

    def test_user_sees_all(self):
        rows = self.env["b2b.dealer.health"].with_user(self.all_user).search([])
        self.assertEqual(rows.partner_id, self.mine | self.theirs)

    def test_manager_recomputes(self):
        self._order(self.mine, 0)
        Health = self.env["b2b.dealer.health"].with_user(self.manager)
        Health.with_context(allowed_company_ids=self.company.ids).action_b2b_recompute()
        self.assertFalse(self._health(self.mine).flagged)
        self.rule_no_order.with_user(self.manager).threshold = 90

    def test_portal_sees_nothing(self):
        for model in (
            "b2b.dealer.health",
            "b2b.dealer.health.flag",
            "b2b.dealer.health.rule",
        ):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.portal).search([])
        # the dealer's own partner: the health field is not readable
        partner = self.env["res.partner"].with_user(self.portal).browse(self.mine.id)
        with self.assertRaises(AccessError):
            partner.read(["b2b_health_ids"])
