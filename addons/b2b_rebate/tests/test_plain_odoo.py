# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .common import B2bRebateCommon


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bQueryLogMixin, B2bRebateCommon):
    """A company without running programme posts its invoices as in plain
    Odoo: no query of the module (the companies running a programme are
    cached), no queue, no accrual; nor does a customer that is no dealer."""

    def test_posting_without_programme(self):
        self.env["b2b.rebate.programme"].search([]).write({"state": "draft"})
        Programme = self.env["b2b.rebate.programme"]
        self.assertFalse(Programme._b2b_running_company_ids())  # warm cache
        move = self._invoice(self.dealer, 2000.0, post=False)
        _res, queries = self._b2b_log_queries(move.action_post)
        self.assertEqual(move.state, "posted")
        # this module's tables only (other suite modules have their own hooks)
        tables = {
            table: count
            for table, count in self._b2b_tables(queries).items()
            if table.startswith("b2b_rebate")
        }
        self.assertEqual(tables, {})
        self.assertFalse(self.env["b2b.rebate.dirty"].search([]))
        self.assertFalse(self.Accrual.search([]))

    def test_plain_customer_credit_note_untouched(self):
        customer = self.env["res.partner"].create({"name": "Plain customer"})
        self.env["b2b.rebate.programme"]._b2b_running_company_ids()  # warm
        move = self._invoice(customer, 500.0, move_type="out_refund", post=False)
        _res, queries = self._b2b_log_queries(move.action_post)
        self.assertFalse(
            [t for t in self._b2b_tables(queries) if t.startswith("b2b_rebate")]
        )
        self.assertEqual(move.state, "posted")
        self.assertFalse(move.b2b_rebate_programme_id)
        self.env["b2b.rebate.dirty"]._b2b_process()
        self.assertFalse(self.Accrual.search([("partner_id", "=", customer.id)]))
