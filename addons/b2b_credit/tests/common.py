# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager

from odoo import Command, fields

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.b2b_base.tests.factory import B2bTestFactory


class B2bCreditCommon(B2bTestFactory, AccountTestInvoicingCommon):
    """A dealer with a tier (limit 1,000, grace 10 days) and a contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        # The accounting test user also manages dealers and tiers.
        cls.env.user.groups_id |= cls.env.ref("b2b_base.b2b_base_group_manager")
        cls.currency = cls.company.currency_id
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {
                "name": "Gold",
                "code": "B2B_CREDIT_GOLD",
                "b2b_credit_limit": 1000.0,
                "b2b_credit_grace_days": 10,
                "b2b_payment_term_id": cls.pay_terms_a.id,
            }
        )
        cls.dealer = cls._create_dealer("Dealer One")
        cls.contact = cls.env["res.partner"].create(
            {"name": "Buyer of Dealer One", "parent_id": cls.dealer.id}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Plain Customer", "is_company": True}
        )
        cls.credit_manager = cls._b2b_internal_user(
            "b2b_credit_manager",
            "b2b_credit.b2b_credit_group_manager,account.group_account_invoice",
        )
        cls.invoicer = cls._b2b_internal_user(
            "b2b_credit_invoicer", "account.group_account_invoice"
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @classmethod
    def _create_dealer(cls, name, tier=None, **vals):
        """An approved dealer (imported in that status by a dealer manager)."""
        return cls._b2b_dealer(name, None, tier or cls.tier, state="approved", **vals)

    @classmethod
    def _set_policy(cls, stage, policy, company=None):
        (company or cls.company)[f"b2b_credit_policy_{stage}"] = policy

    @classmethod
    def _invoice(
        cls,
        amount,
        partner=None,
        move_type="out_invoice",
        post=True,
        date="2026-01-05",
        due=None,
        currency=None,
        company=None,
    ):
        company = company or cls.company
        vals = {
            "move_type": move_type,
            "partner_id": (partner or cls.dealer).id,
            "invoice_date": date,
            "date": date,
            "invoice_payment_term_id": False,
            "invoice_date_due": due or "2099-12-31",
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
        if currency:
            vals["currency_id"] = currency.id
        move = cls.env["account.move"].with_company(company).create(vals)
        if post:
            move.action_post()
        return move

    @classmethod
    def _register_payment(cls, invoice, amount, date="2026-01-10"):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"amount": amount, "payment_date": date})
            ._create_payments()
        )

    def _exposure(self, partner=None, company=None, exclude=None):
        return (partner or self.dealer)._b2b_credit_exposure(
            company or self.company, exclude
        )

    @contextmanager
    def _count_queries(self):
        """Yield a dict whose "count" is the number of queries run inside."""
        result = {"count": 0, "queries": []}
        cr = self.env.cr
        execute = cr.execute

        def logged_execute(query, params=None, log_exceptions=True):
            result["queries"].append(str(getattr(query, "code", query))[:120])
            return execute(query, params, log_exceptions)

        start = cr.sql_log_count
        cr.execute = logged_execute
        try:
            yield result
        finally:
            cr.execute = execute
        result["count"] = cr.sql_log_count - start

    @staticmethod
    def _today():
        return fields.Date.today()
