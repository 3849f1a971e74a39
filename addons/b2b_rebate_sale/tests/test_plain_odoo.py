# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .common import B2bRebateSaleCommon


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bQueryLogMixin, B2bRebateSaleCommon):
    """A customer that is no dealer orders as in plain Odoo: no rebate
    figures, no button, no query of the module's tables when its order is
    confirmed or cancelled."""

    def test_plain_order_untouched(self):
        customer = self.env["res.partner"].create({"name": "Plain customer"})
        self.env["b2b.rebate.programme"]._b2b_running_company_ids()  # warm
        order = self._quote(2000.0, partner=customer)
        self.assertEqual(
            (order.b2b_rebate_available, order.b2b_rebate_max, order.b2b_rebate_amount),
            (0.0, 0.0, 0.0),
        )
        with self.assertRaises(UserError):
            order.action_b2b_apply_rebate_balance()
        _res, queries = self._b2b_log_queries(order.action_confirm)
        self.assertEqual(order.state, "sale")
        _res, more = self._b2b_log_queries(
            order.with_context(disable_cancel_warning=True).action_cancel
        )
        self.assertFalse(
            [t for t in self._b2b_tables(queries + more) if t.startswith("b2b_rebate")]
        )
        self.assertEqual(order.amount_untaxed, 2000.0)
        self.assertFalse(order.order_line.filtered("b2b_is_rebate_line"))
