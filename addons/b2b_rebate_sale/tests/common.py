# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.b2b_rebate.tests.common import B2bRebateCommon

SALESMAN = "sales_team.group_sale_salesman"


class B2bRebateSaleCommon(B2bRebateCommon):
    """The rebate tests' dealers, a salesperson who sells to them, a 10 %
    cap and a balance of 300 for the first dealer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.b2b_rebate_order_cap = 10.0
        cls.seller = cls._b2b_internal_user(
            "rbs_seller",
            ["base.group_user", SALESMAN, "b2b_base.b2b_base_group_salesman_own"],
            name="RBS Seller",
        )
        cls.dealer.user_id = cls.seller
        cls.Balance = cls.env["b2b.rebate.balance"]
        cls.balance = cls.Balance._b2b_get(cls.dealer, cls.company)
        cls.balance._b2b_move(300.0, "adjustment", "opening balance")
        cls.rebate_product = cls.env.ref("b2b_rebate.product_product_b2b_rebate")

    def _quote(self, amount=2000.0, partner=None):
        """A quotation of ``amount`` (cups at 10.00, no tax) as the seller."""
        return self._b2b_order(
            partner or self.dealer,
            [(self.cup, amount / 10.0, {"price_unit": 10.0, "tax_id": False})],
            user=self.seller,
        )

    def _rebate_line(self, order):
        return order.order_line.filtered("b2b_is_rebate_line")

    def _order_ledger(self, order):
        return self.Ledger.search([("sale_order_id", "=", order.id)], order="id")
