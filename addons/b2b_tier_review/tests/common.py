# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

MANAGER = "b2b_base.b2b_base_group_manager"
OWN = "b2b_base.b2b_base_group_salesman_own"

#: the reference date of the tests' reviews (end of the 12-month period)
REF = datetime.date(2026, 6, 30)


class B2bTierReviewCommon(B2bTestFactory, TransactionCase):
    """A ladder Standard (0) < Silver (100,000) < Gold (300,000), a Strategic
    tier that is not reviewed, a company with the review on (margin 10 %,
    grace 60 days, warning 14 days, automatic), dealers and users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "b2b_tier_review": True,
                "b2b_tier_review_mode": "auto",
                "b2b_tier_review_hysteresis": 10.0,
                "b2b_tier_review_grace_days": 60,
                "b2b_tier_review_warning_days": 14,
            }
        )
        Tier = cls.env["b2b.dealer.tier"]
        cls.standard = cls._tier("Standard", "TR-STD", 10, 0.0)
        cls.silver = cls._tier("Silver", "TR-SLV", 20, 100000.0)
        cls.gold = cls._tier("Gold", "TR-GLD", 30, 300000.0)
        cls.strategic = Tier.create(
            {"name": "Strategic", "code": "TR-STR", "sequence": 40}
        )
        cls.manager = cls._b2b_internal_user("tr_manager", MANAGER, name="TR Manager")
        cls.rep = cls._b2b_internal_user("tr_rep", OWN, name="TR Rep")
        cls.rep_other = cls._b2b_internal_user("tr_rep_other", OWN, name="TR Other")
        cls.dealer = cls._dealer("Dealer Silver", "TR-D1", cls.silver)
        cls.Review = cls.env["b2b.tier.review"]
        cls.Proposal = cls.env["b2b.tier.proposal"]
        cls.Change = cls.env["b2b.tier.change"]

    @classmethod
    def _tier(cls, name, code, sequence, threshold, included=True):
        return cls.env["b2b.dealer.tier"].create(
            {
                "name": name,
                "code": code,
                "sequence": sequence,
                "b2b_review_included": included,
                "b2b_review_threshold": threshold,
            }
        )

    @classmethod
    def _dealer(cls, name, code, tier, user=None, **vals):
        """An approved dealer of the company, its salesperson the rep."""
        return cls._b2b_dealer(
            name,
            code,
            tier,
            state="approved",
            company_id=cls.company.id,
            user_id=(user or cls.rep).id,
            **vals,
        )

    @classmethod
    def _invoice(cls, partner, amount, day=None, move_type="out_invoice"):
        """A posted invoice (or credit note) without taxes, on ``day``."""
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": day or REF - datetime.timedelta(days=30),
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

    def _run(self, day=REF, company=None, **kw):
        return self.Review._b2b_run(company or self.company, day, **kw)

    def _open(self, dealer=None):
        return self.Proposal.search(
            [
                ("partner_id", "=", (dealer or self.dealer).id),
                ("state", "in", ("grace", "to_approve")),
            ]
        )

    @staticmethod
    def _days(n, day=REF):
        return day + datetime.timedelta(days=n)
