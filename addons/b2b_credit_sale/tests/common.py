# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command

from odoo.addons.b2b_credit.tests.common import B2bCreditCommon


class B2bCreditSaleCommon(B2bCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls._create_product(
            name="Dealer Widget",
            lst_price=100.0,
            invoice_policy="order",
            taxes_id=[Command.clear()],
        )
        cls.salesman = cls._b2b_internal_user(
            "b2b_credit_salesman", "sales_team.group_sale_salesman"
        )

    @classmethod
    def _order(cls, qty, partner=None, confirm=False, user=None, **vals):
        user = user or cls.env.user
        line = {"price_unit": 100.0, "tax_id": [Command.clear()]}
        return cls._b2b_order(
            partner or cls.dealer,
            [(cls.product, qty, line)],
            user=user,
            confirm=confirm,
            user_id=user.id,
            **vals,
        )
