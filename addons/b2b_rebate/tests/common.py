# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

MANAGER = "account.group_account_manager"
BILLING = "account.group_account_invoice"
OWN = "b2b_base.b2b_base_group_salesman_own"

#: the day the tests compute on: in the second quarter of 2026
DAY = datetime.date(2026, 5, 15)
Q2 = (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))


class B2bRebateCommon(B2bTestFactory, TransactionCase):
    """A quarterly retroactive programme (from 1,000: 2 %, from 3,000: 3 %)
    for the Gold dealers, two products in two categories, dealers and users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.currency = cls.company.currency_id
        cls.gold = cls.env["b2b.dealer.tier"].create(
            {"name": "Gold", "code": "RB-GLD", "sequence": 30}
        )
        cls.silver = cls.env["b2b.dealer.tier"].create(
            {"name": "Silver", "code": "RB-SLV", "sequence": 20}
        )
        cls.region = cls.env["b2b.dealer.region"].create(
            {"name": "East", "code": "RB-E"}
        )
        Categ = cls.env["product.category"]
        cls.categ_cups = Categ.create({"name": "Cups"})
        cls.categ_mugs = Categ.create({"name": "Mugs", "parent_id": cls.categ_cups.id})
        cls.categ_other = Categ.create({"name": "Other"})
        cls.cup = cls._b2b_product("Cup", "RB-CUP", 10.0, categ_id=cls.categ_cups.id)
        cls.mug = cls._b2b_product("Mug", "RB-MUG", 10.0, categ_id=cls.categ_mugs.id)
        cls.shirt = cls._b2b_product(
            "Shirt", "RB-SHT", 10.0, categ_id=cls.categ_other.id
        )
        cls.accountant = cls._b2b_internal_user(
            "rb_accountant", ["base.group_user", MANAGER], name="RB Accountant"
        )
        cls.billing = cls._b2b_internal_user(
            "rb_billing", ["base.group_user", BILLING], name="RB Billing"
        )
        cls.rep = cls._b2b_internal_user("rb_rep", OWN, name="RB Rep")
        cls.rep_other = cls._b2b_internal_user("rb_rep_other", OWN, name="RB Other")
        cls.dealer = cls._dealer("Dealer Gold", "RB-D1", cls.gold)
        cls.dealer2 = cls._dealer(
            "Dealer Gold 2", "RB-D2", cls.gold, user=cls.rep_other
        )
        cls.programme = cls._programme("Quarterly")
        cls.Accrual = cls.env["b2b.rebate.accrual"]
        cls.Ledger = cls.env["b2b.rebate.ledger"]

    @classmethod
    def _dealer(cls, name, code, tier, user=None, **vals):
        vals = {
            "company_id": cls.company.id,
            "user_id": (user or cls.rep).id,
            "b2b_region_id": cls.region.id,
            **vals,
        }
        return cls._b2b_dealer(name, code, tier, state="approved", **vals)

    @classmethod
    def _programme(cls, name, steps=((1000.0, 2.0), (3000.0, 3.0)), **vals):
        values = {
            "name": name,
            "company_id": cls.company.id,
            "period_type": "quarter",
            "date_start": datetime.date(2026, 1, 1),
            "date_end": datetime.date(2026, 12, 31),
            "tier_ids": [Command.set(cls.gold.ids)],
            "step_ids": [
                Command.create(
                    {"threshold": s[0], "rate": s[1], "fixed_amount": s[2]}
                    if len(s) > 2
                    else {"threshold": s[0], "rate": s[1]}
                )
                for s in steps
            ],
            **vals,
        }
        programme = cls.env["b2b.rebate.programme"].create(values)
        programme.state = "running"
        return programme

    @classmethod
    def _invoice(
        cls, partner, lines, day=DAY, move_type="out_invoice", post=True, **vals
    ):
        """A customer invoice (or credit note) without taxes; ``lines``:
        ``(product, quantity, unit price)``, or an amount (one cup line)."""
        if not isinstance(lines, list | tuple):
            lines = [(cls.cup, 1, lines)]
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": day,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": qty,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for product, qty, price in lines
                ],
                **vals,
            }
        )
        if post:
            move.action_post()
        return move

    def _ledger(self, accrual=None):
        """The accrual's ledger, newest first."""
        return self.Ledger.search(
            [("accrual_id", "=", (accrual or self._accrual()).id)], order="id desc"
        )

    def _compute(self, programme=None, day=DAY):
        (programme or self.programme)._b2b_compute(day=day)

    def _accrual(self, dealer=None, programme=None, start=Q2[0]):
        return self.Accrual.search(
            [
                ("programme_id", "=", (programme or self.programme).id),
                ("partner_id", "=", (dealer or self.dealer).id),
                ("period_start", "=", start),
            ]
        )
