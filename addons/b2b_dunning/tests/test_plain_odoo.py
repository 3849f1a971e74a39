# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPlainPortalMixin

from .common import B2bDunningCommon


@tagged("post_install", "-at_install")
class TestPlainOdooDunning(B2bPlainPortalMixin, B2bDunningCommon):
    """A customer that is no dealer gets no reminder and no fee; a company
    without stages or fee policy: nothing; a plain portal customer's home
    is Odoo's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls._policy()
        cls.plain_invoice = cls._post_invoice(
            cls.customer, 400.0, "2026-01-05", "2026-01-05"
        )
        cls.plain = cls._b2b_buyer(cls.customer, "dn_plain", ())

    def test_no_reminder_no_fee_for_customers(self):
        reminders = self._plan("2026-03-10")
        self._compute_fees("2026-03-10")
        self.assertTrue(reminders)
        self.assertNotIn(self.customer, reminders.dealer_id)
        self.assertFalse(
            self.env["b2b.dunning.log"].search(
                [("move_id", "=", self.plain_invoice.id)]
            )
        )
        self.assertFalse(self._fees(self.plain_invoice))

    def test_company_without_policy(self):
        (self.stage_before | self.stage_due | self.stage_overdue).active = False
        self.policy.active = False
        self.assertFalse(self._plan("2026-03-10"))
        self.assertEqual(self._compute_fees("2026-03-10"), 0)
        self.assertFalse(self.env["b2b.dunning.fee"].search([]))
        # the portal home shows no card
        self.authenticate("pc_finance", "pc_finance")
        self.assertNotIn('id="b2b_dunning_card"', self.url_open("/my").text)

    def test_plain_home(self):
        self._b2b_assert_plain_page("dn_plain", "/my", "o_portal_my_home")
