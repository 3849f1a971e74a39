# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class B2bDunningLog(models.Model):
    """One invoice reminded at one stage: never twice (unique)."""

    _name = "b2b.dunning.log"
    _description = "Payment Reminder Log"
    _order = "id desc"
    # written by the daily job only, from a query that joins the invoice's
    # company: no company check on create (a query more for a batch)

    reminder_id = fields.Many2one(
        "b2b.dunning.reminder",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    stage_id = fields.Many2one(
        "b2b.dunning.stage", required=True, readonly=True, ondelete="restrict"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    dealer_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, readonly=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # a float (shown as an amount of currency_id): a Monetary field would
    # read the new records' currency on create, a query more for a batch
    amount_residual = fields.Float(
        string="Amount Due",
        readonly=True,
        help="Open amount of the invoice (company currency) when reminded.",
    )
    date_due = fields.Date(string="Due Date", readonly=True)

    _sql_constraints = [
        (
            "move_stage_unique",
            "UNIQUE(move_id, stage_id)",
            "An invoice is reminded once per stage.",
        ),
    ]
