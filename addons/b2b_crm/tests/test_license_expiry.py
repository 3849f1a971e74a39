# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import B2bCrmCommon

TODAY = date(2026, 6, 1)


@tagged("post_install", "-at_install")
class TestLicenseExpiry(B2bCrmCommon):
    """The daily licence job: one activity within 30 days, suspension of
    expired licences where the company switched it on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref("b2b_crm.mail_activity_type_license_expiry")
        cls.soon = cls._dealer("Soon", "EXP-1", date(2026, 6, 20))
        cls.later = cls._dealer("Later", "EXP-2", date(2026, 8, 1))
        cls.expired = cls._dealer("Expired", "EXP-3", date(2026, 5, 31))
        cls.no_date = cls._dealer("No date", "EXP-4", False)
        cls.prospect = cls._b2b_dealer(
            "Prospect",
            "EXP-5",
            cls.tier,
            user_id=cls.rep_1.id,
            b2b_license_expiry=date(2026, 6, 10),
        )

    @classmethod
    def _dealer(cls, name, code, expiry):
        return cls._b2b_dealer(
            name,
            code,
            cls.tier,
            state="approved",
            user_id=cls.rep_1.id,
            b2b_license_expiry=expiry,
        )

    def _activities(self, dealers):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", dealers.ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def _run(self):
        with freeze_time(TODAY):
            self.env["res.partner"].sudo()._b2b_cron_license_expiry()

    def test_activity_once(self):
        dealers = self.soon | self.later | self.expired | self.no_date | self.prospect
        self._run()
        activities = self._activities(dealers)
        self.assertEqual(
            sorted(activities.mapped("res_id")), sorted((self.soon | self.expired).ids)
        )
        self.assertEqual(activities.user_id, self.rep_1)
        soon = activities.filtered(lambda a: a.res_id == self.soon.id)
        self.assertEqual(soon.date_deadline, date(2026, 6, 20))
        # never a second while one is open
        self._run()
        self.assertEqual(self._activities(dealers), activities)
        # once done, the next run plans a new one
        soon.action_feedback(feedback="Renewal asked")
        self._run()
        self.assertEqual(len(self._activities(self.soon)), 1)

    def test_no_suspension_by_default(self):
        self._run()
        self.assertEqual(self.expired.b2b_state, "approved")
        self.assertTrue(self.expired.b2b_can_order)

    def test_suspension_when_switched_on(self):
        self.company.b2b_crm_suspend_expired = True
        self._run()
        self.assertEqual(self.expired.b2b_state, "suspended")
        self.assertFalse(self.expired.b2b_can_order)
        self.assertIn("expired", self.expired.b2b_state_reason)
        for dealer in (self.soon, self.later, self.no_date):
            self.assertEqual(dealer.b2b_state, "approved")

    def test_other_company_switched_on(self):
        other = self.env["res.company"].create(
            {"name": "Other Co", "b2b_crm_suspend_expired": True}
        )
        self.assertTrue(other.b2b_crm_suspend_expired)
        self._run()
        # the dealer's salesperson works for the main company: not suspended
        self.assertEqual(self.expired.b2b_state, "approved")

    def _count_cron_queries(self, count, prefix):
        for index in range(count):
            self._dealer(f"{prefix} {index}", f"{prefix}-{index}", date(2026, 6, 15))
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self._run()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_queries_do_not_grow_with_dealers(self):
        """One search of the dealers, one of the open activities, one batch
        of activities, one suspension: the same queries for 1 and 10
        dealers."""
        self.company.b2b_crm_suspend_expired = True
        self._run()  # warm up: the first activities and the suspension
        one = self._count_cron_queries(1, "ONE")
        ten = self._count_cron_queries(10, "TEN")
        self.assertEqual(ten, one)
        self.assertEqual(len(self._activities(self.soon)), 1)
