# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user

SALESMAN = "sales_team.group_sale_salesman"
SALE_MANAGER = "sales_team.group_sale_manager"


class B2bApprovalSaleCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.order_model = cls.env["ir.model"]._get("sale.order")
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "Silver", "code": "APS-SLV", "company_id": False}
        )
        cls.dealer = (
            cls.env["res.partner"]
            .with_context(b2b_import_state=True)
            .create(
                {
                    "name": "Approval Sale Dealer",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": "APS-D",
                    "b2b_tier_id": cls.tier.id,
                    "b2b_state": "approved",
                }
            )
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Approval service", "type": "service", "list_price": 100.0}
        )
        cls.salesman = new_test_user(
            cls.env, login="aps_salesman", groups=SALESMAN, name="Salesman"
        )
        cls.sales_manager = new_test_user(
            cls.env, login="aps_manager", groups=SALE_MANAGER, name="Sales Manager"
        )
        cls.purchaser = cls._create_portal_user(
            "aps_purchaser", "b2b_base.b2b_base_group_buyer_purchaser"
        )
        cls.dealer_approver = cls._create_portal_user(
            "aps_dealer_approver", "b2b_base.b2b_base_group_buyer_approver"
        )
        cls.dealer_finance = cls._create_portal_user(
            "aps_dealer_finance", "b2b_base.b2b_base_group_buyer_finance"
        )

    @classmethod
    def _create_portal_user(cls, login, role_group):
        contact = cls.env["res.partner"].create(
            {"name": login, "parent_id": cls.dealer.id, "email": f"{login}@example.com"}
        )
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_portal,{role_group}",
            name=login,
            partner_id=contact.id,
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
        return (
            self.env["sale.order"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": self.dealer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": qty}
                        )
                        for _i in range(lines)
                    ],
                }
            )
        )
