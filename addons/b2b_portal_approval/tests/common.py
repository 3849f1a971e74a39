# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, http
from odoo.tests import HttpCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class B2bPortalApprovalCommon(B2bTestFactory, HttpCase):
    """Dealer A (purchaser, two approvers, finance, admin) and dealer B.

    Dealer-side rule: orders above 500 are approved by the dealer's approver,
    then by its finance user (then confirmed). Seller-side rule: orders above
    1,500 are approved by a sales manager.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "Portal Approval Tier", "code": "PAP-T", "company_id": False}
        )
        cls.dealer = cls._b2b_dealer(
            "Approval Dealer A", "PAP-A", cls.tier, state="approved"
        )
        cls.dealer_b = cls._b2b_dealer(
            "Approval Dealer B", "PAP-B", cls.tier, state="approved"
        )
        cls.product = cls._b2b_product(
            "Portal approval service", price=100.0, type="service"
        )
        cls.sales_manager = cls._b2b_internal_user(
            "pap_sales_manager",
            "sales_team.group_sale_manager",
            name="PAP Sales Manager",
        )
        cls.purchaser = cls._b2b_buyer(cls.dealer, "pap_purchaser", ("purchaser",))
        cls.approver = cls._b2b_buyer(cls.dealer, "pap_approver", ("approver",))
        cls.approver2 = cls._b2b_buyer(cls.dealer, "pap_approver2", ("approver",))
        cls.finance = cls._b2b_buyer(cls.dealer, "pap_finance", ("finance",))
        cls.admin = cls._b2b_buyer(cls.dealer, "pap_admin", ("admin",))
        cls.purchaser_b = cls._b2b_buyer(
            cls.dealer_b, "pap_purchaser_b", ("purchaser",)
        )
        cls.approver_b = cls._b2b_buyer(cls.dealer_b, "pap_approver_b", ("approver",))
        cls.finance_b = cls._b2b_buyer(cls.dealer_b, "pap_finance_b", ("finance",))
        order_model = cls.env["ir.model"]._get("sale.order")
        cls.dealer_rule = cls.env["b2b.approval.rule"].create(
            {
                "name": "Dealer chain",
                "model_id": order_model.id,
                "scope": "dealer",
                "domain": "[('amount_untaxed', '>', 500)]",
                "auto_transition": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Department manager",
                            "sequence": 1,
                            "approver_type": "role",
                            "role_id": cls.env.ref(
                                "b2b_base.b2b_buyer_role_approver"
                            ).id,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Finance",
                            "sequence": 2,
                            "approver_type": "role",
                            "role_id": cls.env.ref(
                                "b2b_base.b2b_buyer_role_finance"
                            ).id,
                        }
                    ),
                ],
            }
        )
        cls.seller_rule = cls.env["b2b.approval.rule"].create(
            {
                "name": "Large orders",
                "model_id": order_model.id,
                "scope": "seller",
                "domain": "[('amount_untaxed', '>', 1500)]",
                "auto_transition": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Sales manager",
                            "sequence": 1,
                            "approver_type": "user",
                            "user_ids": [Command.set(cls.sales_manager.ids)],
                        }
                    )
                ],
            }
        )

    @classmethod
    def _submit(cls, user, qty):
        """What the portal does: the purchaser creates and submits an order
        (through sudo, as Odoo's portal); it waits for the dealer's chain."""
        return cls._b2b_order(
            user.partner_id, [(cls.product, qty)], user=user, confirm=True, sudo=True
        ).with_env(cls.env)

    @staticmethod
    def _request(order, scope):
        return order._b2b_approval_requests(scope=scope)[:1]

    def _post(self, login, url, **data):
        self.authenticate(login, login)
        data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, allow_redirects=False)

    def _get(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url)
