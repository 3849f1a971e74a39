# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields

from odoo.addons.b2b_portal_credit.tests.common import B2bPortalCreditCommon


class B2bDunningCommon(B2bPortalCreditCommon):
    """b2b_portal_credit's data (Dealer One with buyers of every role and
    open invoices: January 300 left due 2026-01-05, February 300 due
    2026-03-15, March 999 due 2026-03-02; Dealer Two with a finance user and
    77 due 2026-02-11) and the company's reminder policy: 3 days before the
    due date, on it, 7 days after it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("account.group_account_manager")
        Stage = cls.env["b2b.dunning.stage"]
        cls.stage_before = Stage.create(
            {
                "name": "3 days before",
                "kind": "before",
                "days": 3,
                "mail_template_id": cls.env.ref(
                    "b2b_dunning.mail_template_b2b_dunning_before"
                ).id,
            }
        )
        cls.stage_due = Stage.create(
            {
                "name": "Due today",
                "kind": "due",
                "mail_template_id": cls.env.ref(
                    "b2b_dunning.mail_template_b2b_dunning_due"
                ).id,
            }
        )
        cls.stage_overdue = Stage.create(
            {
                "name": "7 days overdue",
                "kind": "overdue",
                "days": 7,
                "mail_template_id": cls.env.ref(
                    "b2b_dunning.mail_template_b2b_dunning_overdue"
                ).id,
            }
        )

    @classmethod
    def _policy(cls, **values):
        return cls.env["b2b.dunning.fee.policy"].create(
            {
                "name": "Late fee",
                "fee_type": "daily_rate",
                "daily_rate": 0.1,
                "grace_days": 5,
                **values,
            }
        )

    @classmethod
    def _plan(cls, day):
        # sudo: the daily job runs as the superuser
        return (
            cls.env["b2b.dunning.reminder"].sudo()._b2b_plan(fields.Date.to_date(day))
        )

    @classmethod
    def _compute_fees(cls, day):
        return (
            cls.env["b2b.dunning.fee"]
            .sudo()
            ._b2b_compute_fees(fields.Date.to_date(day))
        )

    @classmethod
    def _fees(cls, invoice):
        return cls.env["b2b.dunning.fee"].search(
            [("move_id", "=", invoice.id)], order="period"
        )
