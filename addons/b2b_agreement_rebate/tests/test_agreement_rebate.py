# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_agreement.tests.common import SIGNATURE, B2bAgreementCommon

BODY = '<div><p>Rebates:</p><t t-out="object.b2b_rebate_summary"/></div>'


@tagged("post_install", "-at_install")
class TestAgreementRebate(B2bAgreementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template.body_html = BODY
        Programme = cls.env["b2b.rebate.programme"]
        start = cls.today.replace(month=1, day=1)
        common = {
            "company_id": cls.company.id,
            "period_type": "year",
            "date_start": start,
            "date_end": start.replace(month=12, day=31),
        }
        cls.silver_programme = Programme.create(
            {
                **common,
                "name": "Silver yearly rebate",
                "tier_ids": [Command.set(cls.tier_silver.ids)],
                "step_ids": [
                    Command.create({"threshold": 50000, "rate": 2.0}),
                    Command.create(
                        {"threshold": 120000, "rate": 3.5, "fixed_amount": 800}
                    ),
                ],
            }
        )
        cls.gold_programme = Programme.create(
            {
                **common,
                "name": "Gold only rebate",
                "tier_ids": [Command.set(cls.tier_gold.ids)],
                "step_ids": [Command.create({"threshold": 1000, "rate": 1.0})],
            }
        )
        cls.draft_programme = Programme.create(
            {
                **common,
                "name": "Draft rebate",
                "step_ids": [Command.create({"threshold": 1000, "rate": 1.0})],
            }
        )
        (cls.silver_programme | cls.gold_programme).state = "running"

    def test_running_programmes_of_the_dealer_in_the_body(self):
        agreement = self._agreement(
            start=self.today.replace(month=1, day=1),
            end=self.today.replace(month=12, day=31),
        )
        self.assertEqual(agreement.b2b_rebate_programme_ids, self.silver_programme)
        body = str(agreement.body)
        self.assertIn("Silver yearly rebate", body)
        self.assertIn("3.5 %", body)
        self.assertIn("120,000.00", body)
        self.assertIn("800.00", body)
        self.assertNotIn("Gold only rebate", body)
        self.assertNotIn("Draft rebate", body)
        # the signed text keeps the programmes as they were sent
        self._sign(agreement)
        self.silver_programme.state = "closed"
        agreement.invalidate_recordset(["b2b_rebate_programme_ids"])
        self.assertIn("Silver yearly rebate", str(agreement.body))
        self.assertFalse(agreement.b2b_rebate_programme_ids)

    def test_period_outside_the_programmes(self):
        start = self.today.replace(month=1, day=1).replace(year=self.today.year + 2)
        agreement = self._agreement(start=start, end=start + timedelta(days=364))
        self.assertFalse(agreement.b2b_rebate_programme_ids)
        self.assertNotIn("Silver yearly rebate", str(agreement.body))

    def test_portal_buyer_reads_the_agreement(self):
        agreement = self._agreement(
            start=self.today.replace(month=1, day=1),
            end=self.today.replace(month=12, day=31),
        )
        record = agreement.with_user(self.a_buyer)
        self.assertIn("Silver yearly rebate", str(record.body))
        self.assertEqual(record.b2b_rebate_programme_ids, self.silver_programme)
        agreement.with_user(self.a_admin)._b2b_portal_sign("Pa", SIGNATURE)
        self.assertEqual(agreement.state, "signed")
