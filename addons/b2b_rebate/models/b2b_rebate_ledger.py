# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class B2bRebateLedger(models.Model):
    """Append-only ledger of every movement of a dealer's rebate: who, when,
    why, which document. Positive: owed to the dealer (credit note, credit
    of the rebate balance, order cancelled); negative: taken back (claw-back,
    cancellation, balance spent on an order).

    A line of a period (``accrual_id``) settles it; a line of a balance
    (``balance_id``) moves the dealer's rebate balance; a settlement as a
    balance has both."""

    _name = "b2b.rebate.ledger"
    _description = "Rebate Ledger Line"
    _order = "date desc, id desc"

    accrual_id = fields.Many2one(
        "b2b.rebate.accrual", ondelete="restrict", index="btree_not_null"
    )
    balance_id = fields.Many2one(
        "b2b.rebate.balance",
        string="Rebate Balance",
        ondelete="restrict",
        index="btree_not_null",
    )
    settlement_id = fields.Many2one(
        "b2b.rebate.settlement",
        string="Settlement",
        ondelete="restrict",
        index="btree_not_null",
    )
    # from the accrual when there is one, else given with the line
    programme_id = fields.Many2one(
        "b2b.rebate.programme",
        compute="_compute_from_accrual",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        compute="_compute_from_accrual",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_from_accrual",
        store=True,
        readonly=False,
        precompute=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="By",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    period_label = fields.Char(related="accrual_id.period_label", string="Period")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    kind = fields.Selection(
        [
            ("settlement", "Settlement"),
            ("true_up", "True-up"),
            ("claw_back", "Claw-back"),
            ("cancel", "Cancellation"),
            ("manual", "Rebate document posted by hand"),
            ("adjustment", "Adjustment"),
            ("spent", "Spent on an order"),
            ("restored", "Given back by an order"),
        ],
        required=True,
    )
    amount = fields.Monetary(required=True)
    move_id = fields.Many2one(
        "account.move", string="Document", ondelete="set null", index=True
    )
    move_state = fields.Selection(related="move_id.state", string="Document Status")
    reason = fields.Text()

    @api.depends("accrual_id")
    def _compute_from_accrual(self):
        for line in self:
            if line.accrual_id:
                line.programme_id = line.accrual_id.programme_id
                line.partner_id = line.accrual_id.partner_id
                line.company_id = line.accrual_id.company_id
            else:
                line.programme_id = line.programme_id
                line.partner_id = line.partner_id or line.balance_id.partner_id
                line.company_id = line.company_id or line.balance_id.company_id

    def write(self, vals):
        if self:
            raise UserError(self.env._("The rebate ledger cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if self:
            raise UserError(self.env._("The rebate ledger cannot be changed."))
        return super().unlink()
