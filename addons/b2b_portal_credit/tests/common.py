# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import Command
from odoo.tests import HttpCase

from odoo.addons.b2b_credit.tests.common import B2bCreditCommon

VALUE_RE = r'id="%s"[^>]*data-b2b-value="([-0-9.e]+)"'


class B2bPortalCreditCommon(B2bCreditCommon, HttpCase):
    """Dealer One (limit 1,000) with its buyers, Dealer Two with a finance user.

    Invoices, a credit note and a payment of Dealer One are posted by an
    accounting user; the statement period is February 2026.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls._b2b_buyer(cls.dealer, "pc_admin", ("admin",))
        cls.finance = cls._b2b_buyer(cls.dealer, "pc_finance", ("finance",))
        cls.purchaser = cls._b2b_buyer(cls.dealer, "pc_purchaser", ("purchaser",))
        cls.approver = cls._b2b_buyer(cls.dealer, "pc_approver", ("approver",))
        cls.dealer_b = cls._create_dealer("Dealer Two")
        cls.finance_b = cls._b2b_buyer(cls.dealer_b, "pc_finance_b", ("finance",))
        cls.jan = cls._post_invoice(cls.dealer, 500.0, "2026-01-05", "2026-01-05")
        cls.feb = cls._post_invoice(cls.dealer, 300.0, "2026-02-10", "2026-03-15")
        cls.refund = cls._post_invoice(
            cls.dealer, 100.0, "2026-02-15", "2026-02-15", move_type="out_refund"
        )
        cls.payment = cls._pay(cls.jan, 200.0, "2026-02-20")
        cls.march = cls._post_invoice(cls.dealer, 999.0, "2026-03-02", "2026-03-02")
        cls.invoice_b = cls._post_invoice(
            cls.dealer_b, 77.0, "2026-02-11", "2026-02-11"
        )

    @classmethod
    def _post_invoice(cls, dealer, amount, date, due, move_type="out_invoice"):
        """An invoice or credit note posted by the accounting user."""
        move = (
            cls.env["account.move"]
            .with_user(cls.invoicer)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": dealer.id,
                    "invoice_date": date,
                    "date": date,
                    "invoice_payment_term_id": False,
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
        )
        move.action_post()
        return move.with_env(cls.env)

    @classmethod
    def _pay(cls, invoice, amount, date):
        return (
            cls.env["account.payment.register"]
            .with_user(cls.invoicer)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"amount": amount, "payment_date": date})
            ._create_payments()
        )

    def _get(self, url, login, **kwargs):
        self.authenticate(login, login)
        return self.url_open(url, **kwargs)

    @staticmethod
    def _value(html, element_id):
        match = re.search(VALUE_RE % element_id, html)
        return float(match.group(1)) if match else None
