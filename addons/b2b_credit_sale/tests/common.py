# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user

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
        cls.salesman = new_test_user(
            cls.env,
            login="b2b_credit_salesman",
            groups="sales_team.group_sale_salesman",
        )

    @classmethod
    def _order(cls, qty, partner=None, confirm=False, user=None, **vals):
        order = (
            cls.env["sale.order"]
            .with_user(user or cls.env.user)
            .create(
                {
                    "partner_id": (partner or cls.dealer).id,
                    "user_id": (user or cls.env.user).id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": qty,
                                "price_unit": 100.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                    **vals,
                }
            )
        )
        if confirm:
            order.action_confirm()
        return order
