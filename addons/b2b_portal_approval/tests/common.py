# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, http
from odoo.tests import HttpCase, new_test_user

ROLE = "b2b_base.b2b_base_group_buyer_%s"


class B2bPortalApprovalCommon(HttpCase):
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
        cls.dealer = cls._create_dealer("Approval Dealer A", "PAP-A")
        cls.dealer_b = cls._create_dealer("Approval Dealer B", "PAP-B")
        cls.product = cls.env["product.product"].create(
            {"name": "Portal approval service", "type": "service", "list_price": 100.0}
        )
        cls.sales_manager = new_test_user(
            cls.env,
            login="pap_sales_manager",
            groups="sales_team.group_sale_manager",
            name="PAP Sales Manager",
        )
        cls.purchaser = cls._buyer(cls.dealer, "pap_purchaser", "purchaser")
        cls.approver = cls._buyer(cls.dealer, "pap_approver", "approver")
        cls.approver2 = cls._buyer(cls.dealer, "pap_approver2", "approver")
        cls.finance = cls._buyer(cls.dealer, "pap_finance", "finance")
        cls.admin = cls._buyer(cls.dealer, "pap_admin", "admin")
        cls.purchaser_b = cls._buyer(cls.dealer_b, "pap_purchaser_b", "purchaser")
        cls.approver_b = cls._buyer(cls.dealer_b, "pap_approver_b", "approver")
        cls.finance_b = cls._buyer(cls.dealer_b, "pap_finance_b", "finance")
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
    def _create_dealer(cls, name, code):
        return (
            cls.env["res.partner"]
            .with_context(b2b_import_state=True)
            .create(
                {
                    "name": name,
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_dealer_code": code,
                    "b2b_tier_id": cls.tier.id,
                    "b2b_state": "approved",
                }
            )
        )

    @classmethod
    def _buyer(cls, dealer, login, role):
        contact = cls.env["res.partner"].create(
            {"name": login, "parent_id": dealer.id, "email": f"{login}@example.com"}
        )
        return new_test_user(
            cls.env,
            login=login,
            name=login,
            groups=f"base.group_portal,{ROLE % role}",
            partner_id=contact.id,
        )

    @classmethod
    def _submit(cls, user, qty):
        """What the portal does: the purchaser creates and submits an order
        (through sudo, as Odoo's portal); it waits for the dealer's chain."""
        order = (
            cls.env["sale.order"]
            .with_user(user)
            .sudo()
            .create(
                {
                    "partner_id": user.partner_id.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.product.id, "product_uom_qty": qty}
                        )
                    ],
                }
            )
        )
        order.with_user(user).sudo().action_confirm()
        return order.with_env(cls.env)

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
