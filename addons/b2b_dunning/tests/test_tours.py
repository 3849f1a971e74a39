# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import B2bDunningCommon


class DunningTourMixin:
    """The home card and the reminders page of a dealer's admin (run at
    desktop and phone width)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._policy()
        cls._compute_fees("2026-03-10")
        # sudo: the job sends the reminders
        cls._plan("2026-03-10")._b2b_send()

    def test_tour_reminders(self):
        self.start_tour("/my", "b2b_dunning_reminders", login="pc_admin")
        subscription = self.env["b2b.dunning.subscription"].search(
            [("user_id", "=", self.purchaser.id)]
        )
        self.assertFalse(subscription.subscribed)
        recipients = self.env["b2b.dunning.subscription"]._b2b_recipients(self.dealer)[
            self.dealer.id
        ]
        self.assertEqual(recipients, (self.finance | self.admin).partner_id)


@tagged("post_install", "-at_install")
class TestDunningTours(DunningTourMixin, B2bDunningCommon):
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestDunningToursPhone(DunningTourMixin, B2bDunningCommon):
    allow_inherited_tests_method = True
    browser_size = "375x667"
    touch_enabled = True
