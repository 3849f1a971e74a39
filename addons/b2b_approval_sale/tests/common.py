# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

SALESMAN = "sales_team.group_sale_salesman"
SALE_MANAGER = "sales_team.group_sale_manager"


class B2bApprovalSaleCommon(B2bTestFactory, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.order_model = cls.env["ir.model"]._get("sale.order")
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "Silver", "code": "APS-SLV", "company_id": False}
        )
        cls.dealer = cls._b2b_dealer(
            "Approval Sale Dealer", "APS-D", cls.tier, state="approved"
        )
        cls.product = cls._b2b_product("Approval service", price=100.0, type="service")
        cls.salesman = cls._b2b_internal_user("aps_salesman", SALESMAN, name="Salesman")
        cls.sales_manager = cls._b2b_internal_user(
            "aps_manager", SALE_MANAGER, name="Sales Manager"
        )
        cls.purchaser = cls._b2b_buyer(cls.dealer, "aps_purchaser")
        cls.dealer_approver = cls._b2b_buyer(
            cls.dealer, "aps_dealer_approver", ("approver",)
        )
        cls.dealer_finance = cls._b2b_buyer(
            cls.dealer, "aps_dealer_finance", ("finance",)
        )

    @classmethod
    def _create_rule(cls, steps, domain, **vals):
        return cls.env["b2b.approval.rule"].create(
            {
                "name": vals.pop("name", "Sale rule"),
                "model_id": cls.order_model.id,
                "domain": domain,
                "step_ids": [
                    Command.create({"name": f"Step {i}", "sequence": i, **step})
                    for i, step in enumerate(steps, start=1)
                ],
                **vals,
            }
        )

    def _create_order(self, qty=10, lines=1, user=None):
        """A quotation of the dealer: ``lines`` lines of ``qty`` services."""
        return self._b2b_order(
            self.dealer, [(self.product, qty)] * lines, user=user or self.salesman
        )
