# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class B2bRebateBalance(models.Model):
    """A dealer's rebate balance in one company (返利余额).

    Credited by the settlements of the programmes settled as a balance,
    spent as a discount line on the dealer's orders (``b2b_rebate_sale``).
    Every movement is a ledger line (``b2b.rebate.ledger``); the stored
    ``amount`` is their sum, changed only by ``_b2b_move`` under a row lock
    and never below zero (also a CHECK constraint of the table).
    """

    _name = "b2b.rebate.balance"
    _description = "Rebate Balance"
    _order = "partner_id, company_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        string="Balance",
        readonly=True,
        default=0.0,
        help="What the dealer can still spend on its orders, in the "
        "company's currency: the sum of the balance's ledger lines.",
    )
    user_id = fields.Many2one(related="partner_id.user_id", string="Salesperson")
    ledger_ids = fields.One2many("b2b.rebate.ledger", "balance_id", string="Ledger")

    _sql_constraints = [
        (
            "partner_company_unique",
            "UNIQUE(partner_id, company_id)",
            "A dealer has one rebate balance per company.",
        ),
        (
            "amount_positive",
            "CHECK(amount >= 0)",
            "A rebate balance cannot be negative.",
        ),
    ]

    @api.depends("partner_id", "company_id", "amount")
    def _compute_display_name(self):
        for balance in self:
            balance.display_name = balance.partner_id.display_name or ""

    @api.model
    def _b2b_get(self, partner, company, create=True):
        """The balance of the dealer ``partner`` (its commercial partner) in
        ``company`` (sudo), created empty when missing and ``create``."""
        dealer = partner.commercial_partner_id
        # sudo: balances are written by the settlement and the orders only;
        # the callers check the user's right on their own document.
        Balance = self.sudo()
        balance = Balance.search(
            [("partner_id", "=", dealer.id), ("company_id", "=", company.id)], limit=1
        )
        if not balance and create:
            balance = Balance.create(
                {"partner_id": dealer.id, "company_id": company.id}
            )
        return balance

    def _b2b_lock(self):
        """Lock the balance's row for the rest of the transaction and return
        its committed amount. A second transaction spending the same balance
        waits here; when the first commits, Odoo's REPEATABLE READ makes the
        second fail with a serialization error and retries it on the new
        amount (so two orders never spend the same money)."""
        self.ensure_one()
        self.flush_recordset(["amount"])
        self.env.cr.execute(
            SQL(
                "SELECT amount FROM b2b_rebate_balance WHERE id = %s FOR UPDATE",
                self.id,
            )
        )
        row = self.env.cr.fetchone()
        self.invalidate_recordset(["amount"])
        return row[0] if row else 0.0

    def _b2b_move(self, amount, kind, reason, **ledger_vals):
        """Add ``amount`` (negative: spend) to the balance, with its ledger
        line (``ledger_vals``: the document, e.g. ``move_id``, ``accrual_id``,
        ``sale_order_id``). Refused when the balance would go below zero.
        Returns the ledger line."""
        self.ensure_one()
        currency = self.currency_id
        amount = currency.round(amount)
        current = self._b2b_lock()
        if currency.compare_amounts(current + amount, 0.0) < 0:
            raise UserError(
                self.env._(
                    "The rebate balance of %(dealer)s is %(balance)s: "
                    "%(amount)s cannot be taken from it.",
                    dealer=self.partner_id.display_name,
                    balance=current,
                    amount=-amount,
                )
            )
        self.env.cr.execute(
            SQL(
                "UPDATE b2b_rebate_balance SET amount = amount + %s, "
                "write_date = %s, write_uid = %s WHERE id = %s",
                amount,
                self.env.cr.now(),
                self.env.uid,
                self.id,
            )
        )
        self.invalidate_recordset(["amount", "write_date", "write_uid"])
        # sudo: the ledger is append-only, written by the rebate code only
        return (
            self.env["b2b.rebate.ledger"]
            .sudo()
            .create(
                {
                    "balance_id": self.id,
                    "partner_id": self.partner_id.id,
                    "company_id": self.company_id.id,
                    "kind": kind,
                    "amount": amount,
                    "reason": reason,
                    **ledger_vals,
                }
            )
        )

    def action_b2b_view_ledger(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_rebate.b2b_rebate_ledger_action"
        )
        action["domain"] = [("balance_id", "=", self.id)]
        return action
