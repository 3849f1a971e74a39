# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class B2bSaleCommon(B2bTestFactory, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls._b2b_internal_user(
            "b2b_sale_rep", "sales_team.group_sale_salesman", name="Sale Rep"
        )
        cls.b2b_manager = cls._b2b_internal_user(
            "b2b_sale_manager", "b2b_base.b2b_base_group_manager", name="B2B Manager"
        )
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "Gold", "code": "SALE-GLD", "company_id": False}
        )
        cls.product = cls._b2b_product("Dealer Widget", price=100.0)
        cls.dealer = cls._b2b_dealer("Hengtong Trading", "SALE-D1", cls.tier)
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
        return self._b2b_order(partner, [(self.product, 2)], user=self.salesman)
