# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

SALESMAN = "sales_team.group_sale_salesman,b2b_base.b2b_base_group_salesman_own"


class B2bHealthCommon(B2bTestFactory, TransactionCase):
    """A company with the three kinds of rules (its own, not the shipped
    ones), two tiers, two salespeople and a product without taxes. Orders
    are back-dated; the job runs with an explicit reference day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = fields.Date.today()
        # the company with the chart of accounts (invoices); its shipped
        # rules are replaced by the tests' own
        cls.company = cls.env.company
        Rule = cls.env["b2b.dealer.health.rule"]
        Rule.search([("company_id", "=", cls.company.id)]).active = False
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "Health Std", "code": "H-STD", "company_id": cls.company.id}
        )
        cls.tier_gold = cls.env["b2b.dealer.tier"].create(
            {"name": "Health Gold", "code": "H-GOLD", "company_id": cls.company.id}
        )
        cls.rep = cls._b2b_internal_user(
            "health_rep",
            SALESMAN,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.rep_2 = cls._b2b_internal_user(
            "health_rep_2",
            SALESMAN,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.rule_no_order = Rule.create(
            {
                "name": "Silent 60",
                "kind": "no_order",
                "threshold": 60,
                "company_id": cls.company.id,
            }
        )
        cls.rule_frequency = Rule.create(
            {
                "name": "Fewer 50",
                "kind": "frequency_down",
                "threshold": 50,
                "company_id": cls.company.id,
            }
        )
        cls.rule_amount = Rule.create(
            {
                "name": "Smaller 40",
                "kind": "amount_down",
                "threshold": 40,
                "company_id": cls.company.id,
            }
        )
        cls.product = cls._b2b_product(
            "Health product",
            "H-PROD",
            100.0,
            taxes_id=[Command.clear()],
            invoice_policy="order",
        )

    @classmethod
    def _dealer(cls, name, code, tier=None, user=None, **vals):
        return cls._b2b_dealer(
            name,
            code,
            tier or cls.tier,
            state="approved",
            user_id=(user or cls.rep).id,
            company_id=cls.company.id,
            **vals,
        )

    @classmethod
    def _order(cls, dealer, days_ago, qty=10, price=100.0, confirm=True):
        """A confirmed order of ``qty`` x ``price`` dated ``days_ago``."""
        order = cls._b2b_order(
            dealer,
            [(cls.product, qty, {"price_unit": price, "tax_id": [Command.clear()]})],
            company_id=cls.company.id,
        )
        if confirm:
            order.action_confirm()
            date = fields.Datetime.to_datetime(cls.today - timedelta(days=days_ago))
            order.date_order = date.replace(hour=9)
        return order

    @classmethod
    def _invoice(cls, dealer, amount, days_ago=10, move_type="out_invoice", due=None):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": dealer.id,
                "company_id": cls.company.id,
                "invoice_date": cls.today - timedelta(days=days_ago),
                "invoice_date_due": due,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Goods",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _run(self, today=None, companies=None):
        self.env["b2b.dealer.health"].sudo()._b2b_compute(
            companies or self.company, today=today or self.today
        )

    def _health(self, dealer, company=None):
        return (
            self.env["b2b.dealer.health"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", dealer.id),
                    ("company_id", "=", (company or self.company).id),
                ]
            )
        )

    def _activities(self, dealers, rule=None):
        domain = [
            ("res_model", "=", "res.partner"),
            ("res_id", "in", dealers.ids),
            ("b2b_health_rule_id", "!=", False),
        ]
        if rule:
            domain.append(("b2b_health_rule_id", "=", rule.id))
        return self.env["mail.activity"].sudo().search(domain)
