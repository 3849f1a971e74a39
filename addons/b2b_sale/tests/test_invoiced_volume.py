# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import Command
from odoo.tests import tagged

from .common import B2bSaleCommon


@tagged("post_install", "-at_install")
class TestInvoicedVolume(B2bSaleCommon):
    """``res.partner._b2b_invoiced_volume``: the one definition of a dealer's
    net invoiced volume, read in one grouped query."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.dealer2 = cls._b2b_dealer("Volume Two", "SALE-D2", cls.tier)
        cls.day = datetime.date(2026, 6, 15)
        cls._move(cls.dealer, 1000.0)
        cls._move(cls.dealer_contact, 500.0)  # counts for its company
        cls._move(cls.dealer, 200.0, move_type="out_refund")
        cls._move(cls.dealer, 9999.0, post=False)  # draft: ignored
        cls._move(cls.dealer, 7777.0, day=datetime.date(2025, 1, 1))  # too old
        cls._move(cls.dealer2, 300.0)
        cls._move(cls.customer, 50.0)

    @classmethod
    def _move(cls, partner, amount, move_type="out_invoice", post=True, day=None):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": day or cls.day,
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
        if post:
            move.action_post()
        return move

    def _volume(self, partner_ids=None):
        return self.env["res.partner"]._b2b_invoiced_volume(
            self.company,
            datetime.date(2026, 1, 1),
            datetime.date(2026, 12, 31),
            partner_ids=partner_ids,
        )

    def test_net_of_credit_notes_per_commercial_partner(self):
        volume = self._volume([self.dealer.id, self.dealer2.id])
        self.assertEqual(volume, {self.dealer.id: 1300.0, self.dealer2.id: 300.0})

    def test_every_customer_and_empty_list(self):
        volume = self._volume()
        self.assertEqual(volume[self.dealer.id], 1300.0)
        self.assertEqual(volume[self.customer.id], 50.0)
        self.assertEqual(self._volume([]), {})

    def test_other_company_not_counted(self):
        other = self.env["res.company"].create({"name": "Volume Other Co"})
        volume = self.env["res.partner"]._b2b_invoiced_volume(
            other, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
        )
        self.assertEqual(volume, {})

    def test_one_query_whatever_the_number_of_dealers(self):
        few = [self.dealer.id]
        many = [self._b2b_dealer(f"Vol {i}", f"SALE-V{i}").id for i in range(20)]
        self.env.flush_all()
        with self.assertQueryCount(1):
            self._volume(few)
        with self.assertQueryCount(1):
            self._volume(few + many)
