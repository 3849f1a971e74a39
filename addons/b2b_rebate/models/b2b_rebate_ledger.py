# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class B2bRebateLedger(models.Model):
    """Append-only ledger of every movement of a dealer's rebate: who, when,
    why, which document. Positive: owed to the dealer (credit note);
    negative: taken back (claw-back, cancellation)."""

    _name = "b2b.rebate.ledger"
    _description = "Rebate Ledger Line"
    _order = "date desc, id desc"

    accrual_id = fields.Many2one(
        "b2b.rebate.accrual", required=True, ondelete="restrict", index=True
    )
    programme_id = fields.Many2one(
        related="accrual_id.programme_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="accrual_id.partner_id", string="Dealer", store=True, index=True
    )
    company_id = fields.Many2one(related="accrual_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="By",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    period_label = fields.Char(related="accrual_id.period_label", string="Period")
    currency_id = fields.Many2one(related="accrual_id.currency_id")
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    kind = fields.Selection(
        [
            ("settlement", "Settlement"),
            ("true_up", "True-up"),
            ("claw_back", "Claw-back"),
            ("cancel", "Cancellation"),
            ("manual", "Rebate document posted by hand"),
        ],
        required=True,
    )
    amount = fields.Monetary(required=True)
    move_id = fields.Many2one(
        "account.move", string="Document", ondelete="set null", index=True
    )
    move_state = fields.Selection(related="move_id.state", string="Document Status")
    reason = fields.Text()

    def write(self, vals):
        if self:
            raise UserError(self.env._("The rebate ledger cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if self:
            raise UserError(self.env._("The rebate ledger cannot be changed."))
        return super().unlink()
