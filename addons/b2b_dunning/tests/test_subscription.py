# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import B2bDunningCommon


@tagged("post_install", "-at_install")
class TestSubscription(B2bDunningCommon):
    """Who receives the reminders; the dealer's admin changes it, except
    for the finance contacts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin_b = cls._b2b_buyer(cls.dealer_b, "dn_admin_b", ("admin",))
        cls.Subscription = cls.env["b2b.dunning.subscription"]

    def _recipients(self, dealer=None):
        return self.Subscription._b2b_recipients(dealer or self.dealer)[
            (dealer or self.dealer).id
        ]

    def _set(self, user, target, subscribed):
        return self.Subscription.with_user(user)._b2b_set_subscribed(
            target.id, subscribed
        )

    def test_default_recipients(self):
        self.assertEqual(self._recipients(), (self.finance | self.admin).partner_id)

    def test_admin_subscribes_and_unsubscribes(self):
        self._set(self.admin, self.purchaser, True)
        self.assertIn(self.purchaser.partner_id, self._recipients())
        self._set(self.admin, self.purchaser, False)
        self.assertNotIn(self.purchaser.partner_id, self._recipients())
        self.assertEqual(self.Subscription.search_count([]), 1)

    def test_admin_cannot_be_unsubscribed(self):
        """Admins always receive the reminders (one rule: the route refuses,
        the page offers no button)."""
        self.assertEqual(self.Subscription._b2b_always_role(self.admin), "admin")
        self.assertEqual(self.Subscription._b2b_always_role(self.finance), "finance")
        self.assertFalse(self.Subscription._b2b_always_role(self.purchaser))
        for admin in (self.admin, self.admin_b):
            with (
                self.subTest(admin=admin.login),
                self.assertRaisesRegex(UserError, "admins always receive"),
            ):
                self._set(admin, admin, False)
        self.assertIn(self.admin.partner_id, self._recipients())
        self.assertFalse(self.Subscription.search_count([]))

    def test_finance_cannot_be_unsubscribed(self):
        with self.assertRaisesRegex(UserError, "finance contact"):
            self._set(self.admin, self.finance, False)
        self.assertIn(self.finance.partner_id, self._recipients())
        # subscribing it changes nothing
        self._set(self.admin, self.finance, True)
        self.assertIn(self.finance.partner_id, self._recipients())

    def test_only_admin(self):
        for user in (self.purchaser, self.finance, self.approver):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._set(user, self.purchaser, True)

    def test_other_dealer_user(self):
        with self.assertRaisesRegex(UserError, "Unknown user"):
            self._set(self.admin_b, self.purchaser, False)
        with self.assertRaisesRegex(UserError, "Unknown user"):
            self.Subscription.with_user(self.admin)._b2b_set_subscribed("1", False)

    def test_portal_page(self):
        self.authenticate("pc_admin", "pc_admin")
        page = self.url_open("/my/b2b/reminders")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count('name="b2b_reminder_recipient"'), 4)
        self.assertEqual(page.text.count('name="b2b_reminder_always"'), 2)
        # buttons only on the rows of the buyers who can be unsubscribed
        rows = re.findall(r'<tr name="b2b_reminder_recipient".*?</tr>', page.text, re.S)
        buttons = {
            re.search(r'data-b2b-login="([^"]+)"', row).group(1): "<button" in row
            for row in rows
        }
        self.assertEqual(buttons.pop("pc_admin"), False)
        self.assertEqual(buttons.pop("pc_finance"), False)
        self.assertTrue(buttons)
        self.assertTrue(all(buttons.values()))
        response = self.url_open(
            "/my/b2b/reminders/subscription",
            data={
                "csrf_token": self._csrf(),
                "user_id": self.admin.id,
                "subscribed": "0",
            },
        )
        self.assertIn("admins always receive", response.text)
        self.assertIn(self.admin.partner_id, self._recipients())
        self.assertNotIn("pc_finance_b", page.text)
        response = self.url_open(
            "/my/b2b/reminders/subscription",
            data={
                "csrf_token": self._csrf(),
                "user_id": self.finance.id,
                "subscribed": "0",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("finance contacts always receive", response.text)
        response = self.url_open(
            "/my/b2b/reminders/subscription",
            data={
                "csrf_token": self._csrf(),
                "user_id": self.purchaser.id,
                "subscribed": "1",
            },
        )
        self.assertIn("receives the payment reminders", response.text)
        self.assertIn(self.purchaser.partner_id, self._recipients())

    def _csrf(self):
        """The CSRF token of the current session (from a portal page)."""
        page = self.url_open("/my")
        return re.search(r'csrf_token: "([^"]+)"', page.text).group(1)

    @mute_logger("odoo.http")
    def test_portal_roles(self):
        for login, status in (("pc_finance", 200), ("pc_purchaser", 403)):
            with self.subTest(login=login):
                self.authenticate(login, login)
                self.assertEqual(self.url_open("/my/b2b/reminders").status_code, status)
        self.authenticate("pc_finance", "pc_finance")
        response = self.url_open(
            "/my/b2b/reminders/subscription",
            data={
                "csrf_token": self._csrf(),
                "user_id": self.purchaser.id,
                "subscribed": "1",
            },
        )
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(self.purchaser.partner_id, self._recipients())
