# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user


class B2bSaleCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="b2b_sale_rep",
            groups="sales_team.group_sale_salesman",
            name="Sale Rep",
        )
        cls.b2b_manager = new_test_user(
            cls.env,
            login="b2b_sale_manager",
            groups="b2b_base.b2b_base_group_manager",
            name="B2B Manager",
        )
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "Gold", "code": "SALE-GLD", "company_id": False}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Dealer Widget", "list_price": 100.0, "type": "consu"}
        )
        cls.dealer = cls.env["res.partner"].create(
            {
                "name": "Hengtong Trading",
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_dealer_code": "SALE-D1",
                "b2b_tier_id": cls.tier.id,
            }
        )
        cls.dealer_contact = cls.env["res.partner"].create(
            {"name": "Hengtong Buyer", "parent_id": cls.dealer.id}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Walk-in Customer"})

    @classmethod
    def _set_state(cls, *states, reason="Test reason"):
        dealer = cls.dealer.with_user(cls.b2b_manager)
        for state in states:
            dealer._b2b_set_state(state, reason)

    def _order(self, partner):
        return (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        (0, 0, {"product_id": self.product.id, "product_uom_qty": 2})
                    ],
                }
            )
        )
