# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import Command
from odoo.tests import tagged

from .common import DAY, Q2, B2bRebateCommon


@tagged("post_install", "-at_install")
class TestArithmetic(B2bRebateCommon):
    """The steps' arithmetic at, below and above each step."""

    def _rebate(self, programme, value, amount=None):
        rebate, step, next_step = programme._b2b_rebate_for(
            value, value if amount is None else amount
        )
        return rebate, step.threshold, next_step.threshold

    def test_retroactive(self):
        p = self.programme  # 1,000: 2 %, 3,000: 3 %
        self.assertEqual(self._rebate(p, 0), (0.0, 0.0, 1000.0))
        self.assertEqual(self._rebate(p, 999.99), (0.0, 0.0, 1000.0))
        self.assertEqual(self._rebate(p, 1000), (20.0, 1000.0, 3000.0))
        self.assertEqual(self._rebate(p, 1500), (30.0, 1000.0, 3000.0))
        self.assertEqual(self._rebate(p, 2999.99), (60.0, 1000.0, 3000.0))
        self.assertEqual(self._rebate(p, 3000), (90.0, 3000.0, 0.0))
        self.assertEqual(self._rebate(p, 5000), (150.0, 3000.0, 0.0))
        self.assertEqual(self._rebate(p, -500), (0.0, 0.0, 1000.0))

    def test_incremental(self):
        p = self.programme
        p.method = "incremental"
        self.assertEqual(self._rebate(p, 999.99)[0], 0.0)
        self.assertEqual(self._rebate(p, 1000)[0], 0.0)
        self.assertEqual(self._rebate(p, 1500)[0], 10.0)  # 500 x 2 %
        self.assertEqual(self._rebate(p, 3000)[0], 40.0)  # 2,000 x 2 %
        self.assertEqual(self._rebate(p, 5000)[0], 100.0)  # 40 + 2,000 x 3 %

    def test_fixed_amounts(self):
        p = self._programme("Fixed", steps=((1000.0, 0.0, 50.0), (3000.0, 1.0, 100.0)))
        self.assertEqual(self._rebate(p, 999)[0], 0.0)
        self.assertEqual(self._rebate(p, 1000)[0], 50.0)
        self.assertEqual(self._rebate(p, 3000)[0], 130.0)  # 30 + 100
        p.method = "incremental"
        self.assertEqual(self._rebate(p, 3000)[0], 150.0)  # 50 + 100, slice 0 at 1 %
        self.assertEqual(self._rebate(p, 4000)[0], 160.0)  # + 1,000 x 1 %

    def test_quantity_basis(self):
        p = self._programme("Units", steps=((100.0, 5.0),), basis="quantity")
        self.assertEqual(self._rebate(p, 99, 5000.0)[0], 0.0)
        self.assertEqual(self._rebate(p, 100, 800.0)[0], 40.0)  # 5 % of the amount


@tagged("post_install", "-at_install")
class TestAccrual(B2bRebateCommon):
    def test_basis_invoices_minus_credit_notes(self):
        self._invoice(self.dealer, 2500.0)
        self._invoice(self.dealer, 800.0, move_type="out_refund")
        self._invoice(self.dealer, 5000.0, post=False)  # draft: not counted
        self._invoice(self.dealer, 9000.0, day=datetime.date(2026, 3, 31))  # Q1
        self._compute()
        accrual = self._accrual()
        self.assertEqual(accrual.amount, 1700.0)
        self.assertEqual(accrual.rate, 2.0)
        self.assertEqual(accrual.accrued_amount, 34.0)
        self.assertEqual(accrual.next_threshold, 3000.0)
        self.assertEqual(accrual.next_rate, 3.0)
        self.assertEqual(accrual.missing, 1300.0)
        self.assertEqual(accrual.to_settle_amount, 34.0)
        self.assertEqual(accrual.period_label, "2026-Q2")
        q1 = self._accrual(start=datetime.date(2026, 1, 1))
        self.assertEqual((q1.amount, q1.accrued_amount), (9000.0, 270.0))
        # the other Gold dealer is listed at zero, short of the first step
        other = self._accrual(self.dealer2)
        self.assertEqual((other.amount, other.missing), (0.0, 1000.0))

    def test_drill_down_is_the_basis(self):
        self._invoice(self.dealer, [(self.cup, 10, 100.0), (self.mug, 5, 100.0)])
        self._invoice(self.dealer2, 700.0)
        self._compute()
        accrual = self._accrual()
        action = accrual.action_b2b_view_lines()
        lines = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(lines.product_id, self.cup | self.mug)
        self.assertEqual(-sum(lines.mapped("balance")), accrual.amount)

    def test_product_filter(self):
        self.programme.write(
            {"product_scope": "products", "product_ids": [Command.set(self.cup.ids)]}
        )
        self._invoice(self.dealer, [(self.cup, 10, 100.0), (self.mug, 50, 100.0)])
        self._compute()
        self.assertEqual(self._accrual().amount, 1000.0)

    def test_category_filter_with_children(self):
        self.programme.write(
            {
                "product_scope": "categories",
                "categ_ids": [Command.set(self.categ_cups.ids)],
            }
        )
        lines = [(self.cup, 10, 100.0), (self.mug, 5, 100.0), (self.shirt, 50, 100.0)]
        self._invoice(self.dealer, lines)
        self._compute()
        self.assertEqual(self._accrual().amount, 1500.0)  # Mugs is a child of Cups

    def test_quantity_basis(self):
        programme = self._programme("Units", steps=((100.0, 5.0),), basis="quantity")
        self._invoice(self.dealer, [(self.cup, 120, 10.0)])
        self._invoice(self.dealer, [(self.cup, 30, 10.0)], move_type="out_refund")
        self._compute(programme)
        accrual = self._accrual(programme=programme)
        self.assertEqual((accrual.quantity, accrual.amount), (90.0, 900.0))
        self.assertEqual((accrual.accrued_amount, accrual.missing), (0.0, 10.0))

    def test_paid_only(self):
        self.programme.paid_only = True
        paid = self._invoice(self.dealer, 1200.0)
        self._invoice(self.dealer, 5000.0)  # not paid
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid.ids
        ).create({"payment_date": DAY})._create_payments()
        self.assertIn(paid.payment_state, ("paid", "in_payment"))
        self._compute()
        self.assertEqual(self._accrual().amount, 1200.0)

    def test_paid_only_reversed_invoice_nets_to_zero(self):
        self.programme.paid_only = True
        invoice = self._invoice(self.dealer, 2000.0)
        reversal = invoice._reverse_moves([{"invoice_date": DAY}], cancel=True)
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(reversal.state, "posted")
        self._compute()
        self.assertEqual(self._accrual().amount, 0.0)

    def test_multi_currency_in_company_currency(self):
        other = self.env["res.currency"].search(
            [("id", "!=", self.currency.id), ("active", "in", (True, False))], limit=1
        )
        other.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": other.id,
                "name": "2026-01-01",
                "rate": 0.5,
                "company_id": self.company.id,
            }
        )
        self._invoice(self.dealer, 1000.0, currency_id=other.id)  # = 2,000
        self._compute()
        accrual = self._accrual()
        self.assertEqual(accrual.amount, 2000.0)
        self.assertEqual(accrual.accrued_amount, 40.0)

    def test_rebate_documents_excluded(self):
        self._invoice(self.dealer, 2000.0)
        self._invoice(
            self.dealer,
            500.0,
            move_type="out_refund",
            b2b_rebate_programme_id=self.programme.id,
        )
        self._compute()
        self.assertEqual(self._accrual().amount, 2000.0)

    def test_other_company_invoices_ignored(self):
        """A programme of another company counts that company's invoices only."""
        other = self.env["res.company"].create({"name": "RB Other Co"})
        self._invoice(self.dealer, 5000.0)
        programme = self._programme(
            "Other company",
            company_id=other.id,
            tier_ids=[Command.clear()],
            partner_ids=[Command.set(self.dealer.ids)],
        )
        self.dealer.company_id = False  # a shared dealer, in scope of both
        self._compute(programme)
        self._compute()
        self.assertEqual(self._accrual(programme=programme).amount, 0.0)
        self.assertEqual(self._accrual().amount, 5000.0)

    def test_out_of_scope_dealer_falls_to_zero(self):
        self._invoice(self.dealer, 2000.0)
        self._compute()
        self.assertEqual(self._accrual().accrued_amount, 40.0)
        self.programme.excluded_partner_ids = self.dealer
        self._compute()
        self.assertEqual(self._accrual().accrued_amount, 0.0)

    def test_posting_marks_dirty_and_job_recomputes(self):
        self._compute()
        self.assertEqual(self._accrual().amount, 0.0)
        invoice = self._invoice(self.dealer, 3000.0)
        Dirty = self.env["b2b.rebate.dirty"]
        self.assertEqual(Dirty.search([]).partner_id, self.dealer)
        self.assertEqual(self._accrual().amount, 0.0)  # nothing computed at posting
        Dirty._b2b_process()
        self.assertFalse(Dirty.search([]))
        self.assertEqual(self._accrual().accrued_amount, 90.0)
        # reset to draft (and cancelled): marked again, back to zero
        invoice.button_draft()
        invoice.button_cancel()
        Dirty._b2b_process()
        self.assertEqual(self._accrual().amount, 0.0)

    def test_nightly_cron(self):
        self._invoice(self.dealer, 1000.0, day=datetime.date.today())
        self.programme.write(
            {
                "date_start": datetime.date.today().replace(month=1, day=1),
                "date_end": False,
            }
        )
        self.env["b2b.rebate.dirty"].search([]).unlink()
        self.env["b2b.rebate.dirty"]._b2b_cron()
        start, _end = self.programme._b2b_period_of(datetime.date.today())
        self.assertEqual(self._accrual(start=start).accrued_amount, 20.0)

    def test_first_period_dealer_created(self):
        """A new dealer's first invoice creates its accrual through the queue."""
        self._compute()
        newcomer = self._dealer("Newcomer", "RB-NEW", self.gold)
        self._invoice(newcomer, 1000.0)
        self.env["b2b.rebate.dirty"]._b2b_process()
        self.assertEqual(self._accrual(newcomer).accrued_amount, 20.0)
        self.assertEqual(self._accrual(newcomer).period_start, Q2[0])
