# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.b2b_dunning_fee import fee_periods
from .common import B2bDunningCommon

DAILY = {
    "fee_type": "daily_rate",
    "daily_rate": 0.1,
    "fixed_amount": 0.0,
    "grace_days": 5,
    "cap_amount": 0.0,
}


@tagged("post_install", "-at_install")
class TestFeeArithmetic(B2bDunningCommon):
    """fee_periods: the fee of one invoice, month by month."""

    def test_grace(self):
        due = date(2026, 1, 5)
        # due 5 Jan, 5 days of grace: nothing until 10 Jan included
        self.assertEqual(fee_periods(DAILY, 1000.0, due, date(2026, 1, 10)), [])
        self.assertEqual(
            fee_periods(DAILY, 1000.0, due, date(2026, 1, 11)),
            [("2026-01", 1, 1.0)],
        )

    def test_daily_rate_by_month(self):
        self.assertEqual(
            fee_periods(DAILY, 300.0, date(2026, 1, 5), date(2026, 3, 10)),
            [("2026-01", 21, 6.3), ("2026-02", 28, 8.4), ("2026-03", 10, 3.0)],
        )

    def test_fixed(self):
        policy = dict(DAILY, fee_type="fixed", fixed_amount=50.0)
        self.assertEqual(
            fee_periods(policy, 300.0, date(2026, 1, 5), date(2026, 3, 10)),
            [("2026-01", 21, 50.0)],
        )
        # charged once: the first month is validated, nothing more
        self.assertEqual(
            fee_periods(
                policy, 300.0, date(2026, 1, 5), date(2026, 3, 10), {"2026-01": 50.0}
            ),
            [],
        )

    def test_cap(self):
        policy = dict(DAILY, cap_amount=10.0)
        self.assertEqual(
            fee_periods(policy, 300.0, date(2026, 1, 5), date(2026, 3, 10)),
            [("2026-01", 21, 6.3), ("2026-02", 28, 3.7), ("2026-03", 10, 0.0)],
        )
        # a validated month counts towards the cap as it was validated
        self.assertEqual(
            fee_periods(
                policy, 300.0, date(2026, 1, 5), date(2026, 3, 10), {"2026-01": 9.0}
            ),
            [("2026-02", 28, 1.0), ("2026-03", 10, 0.0)],
        )
        fixed = dict(policy, fee_type="fixed", fixed_amount=50.0)
        self.assertEqual(
            fee_periods(fixed, 300.0, date(2026, 1, 5), date(2026, 1, 31)),
            [("2026-01", 21, 10.0)],
        )


@tagged("post_install", "-at_install")
class TestFees(B2bDunningCommon):
    """The daily job's fees, per tier, validated and posted once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls._policy()

    def _amounts(self, invoice):
        return [(fee.period, fee.days, fee.amount) for fee in self._fees(invoice)]

    def test_compute(self):
        self._compute_fees("2026-03-10")
        self.assertEqual(
            self._amounts(self.jan),
            [("2026-01", 21, 6.3), ("2026-02", 28, 8.4), ("2026-03", 10, 3.0)],
        )
        # Dealer Two's 77 due 11 Feb: from 17 Feb
        self.assertEqual(
            self._amounts(self.invoice_b),
            [("2026-02", 12, 0.92), ("2026-03", 10, 0.77)],
        )
        # March's 999 due 2 Mar: from 8 Mar; February's not due yet
        self.assertEqual(self._amounts(self.march), [("2026-03", 3, 3.0)])
        self.assertFalse(self._fees(self.feb))
        fee = self._fees(self.jan)[:1]
        self.assertEqual(fee.dealer_id, self.dealer)
        self.assertEqual(fee.base_amount, 300.0)
        self.assertEqual(fee.policy_id, self.policy)
        self.assertEqual(fee.state, "draft")

    def test_daily_update_keeps_validated(self):
        self._compute_fees("2026-03-10")
        january = self._fees(self.jan)[0]
        january.with_user(self.invoicer).action_b2b_validate()
        self._pay(self.jan, 100.0, "2026-03-11")
        self._compute_fees("2026-03-12")
        # the validated month as it was; the draft ones on 200 left
        self.assertEqual(
            self._amounts(self.jan),
            [("2026-01", 21, 6.3), ("2026-02", 28, 5.6), ("2026-03", 12, 2.4)],
        )
        self.assertEqual(january.base_amount, 300.0)

    def test_waived_not_recomputed(self):
        self._compute_fees("2026-03-10")
        march = self._fees(self.jan)[2]
        march.with_user(self.invoicer).action_b2b_waive()
        self._compute_fees("2026-03-20")
        self.assertEqual((march.state, march.days, march.amount), ("waived", 10, 3.0))

    def test_per_tier(self):
        """The tier's policy wins over the company's one for every tier."""
        silver = self.env["b2b.dealer.tier"].create(
            {"name": "Silver", "code": "DN_SILVER"}
        )
        self.dealer_b.b2b_tier_id = silver
        tier_policy = self._policy(
            name="Gold fee", tier_id=self.tier.id, fee_type="fixed", fixed_amount=50.0
        )
        self._compute_fees("2026-03-10")
        self.assertEqual(self._amounts(self.jan), [("2026-01", 21, 50.0)])
        self.assertEqual(self._fees(self.jan).policy_id, tier_policy)
        self.assertEqual(self._fees(self.invoice_b).policy_id, self.policy)
        self.assertEqual(len(self._fees(self.invoice_b)), 2)

    def test_cap(self):
        self.policy.cap_amount = 10.0
        self._compute_fees("2026-03-10")
        self.assertEqual(sum(self._fees(self.jan).mapped("amount")), 10.0)

    def test_post_once(self):
        """Finance validates and posts: one customer debit note referring to
        the overdue invoice, a line per month; never twice."""
        self._compute_fees("2026-03-10")
        fees = self._fees(self.jan).with_user(self.invoicer)
        fees.action_b2b_validate()
        moves = fees.action_b2b_post()
        self.assertEqual(len(moves), 1)
        self.assertEqual(moves.move_type, "out_invoice")
        self.assertEqual(moves.state, "posted")
        self.assertEqual(moves.partner_id, self.jan.partner_id)
        self.assertEqual(moves.invoice_origin, self.jan.name)
        self.assertIn(self.jan.name, moves.ref)
        self.assertEqual(len(moves.invoice_line_ids), 3)
        self.assertEqual(moves.amount_total, 17.7)
        self.assertEqual(
            moves.invoice_line_ids.product_id,
            self.env.ref("b2b_dunning.product_product_late_fee"),
        )
        self.assertEqual(set(fees.mapped("state")), {"posted"})
        self.assertEqual(fees.debit_move_id, moves)
        self.assertEqual(moves.b2b_dunning_charged_fee_ids, fees)
        with self.assertRaises(UserError):
            fees.action_b2b_post()
        with self.assertRaises(UserError):
            fees.action_b2b_validate()
        # the next days' job changes no posted month
        self._compute_fees("2026-03-20")
        self.assertEqual(self._amounts(self.jan)[2], ("2026-03", 10, 3.0))
        self.assertEqual(
            self.env["account.move"].search_count(
                [("invoice_origin", "=", self.jan.name)]
            ),
            1,
        )

    def test_draft_not_posted(self):
        self._compute_fees("2026-03-10")
        with self.assertRaises(UserError):
            self._fees(self.jan).with_user(self.invoicer).action_b2b_post()

    @mute_logger("odoo.sql_db")
    def test_unique_invoice_period(self):
        self._compute_fees("2026-03-10")
        fee = self._fees(self.jan)[:1]
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["b2b.dunning.fee"].sudo().create(
                {
                    "company_id": fee.company_id.id,
                    "dealer_id": fee.dealer_id.id,
                    "move_id": fee.move_id.id,
                    "period": fee.period,
                    "amount": 1.0,
                }
            )

    def test_salesman_cannot_post(self):
        self._compute_fees("2026-03-10")
        salesman = self._b2b_internal_user(
            "dn_salesman", "sales_team.group_sale_salesman"
        )
        with self.assertRaises(AccessError):
            self._fees(self.jan).with_user(salesman).action_b2b_validate()

    def test_cron(self):
        with freeze_time("2026-03-10 08:00:00"):
            self.env["b2b.dunning.reminder"].sudo()._cron_b2b_dunning()
            self.env["b2b.dunning.reminder"].sudo()._cron_b2b_dunning()
        self.assertEqual(len(self._fees(self.jan)), 3)
