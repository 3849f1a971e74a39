# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bRebateStep(models.Model):
    """A step of a programme: from ``threshold`` on, ``rate`` % (and an
    optional fixed amount)."""

    _name = "b2b.rebate.step"
    _description = "Rebate Step"
    _order = "programme_id, threshold, id"

    programme_id = fields.Many2one(
        "b2b.rebate.programme", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="programme_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="programme_id.currency_id")
    threshold = fields.Float(
        string="From",
        required=True,
        digits="Account",
        help="The volume (untaxed amount or quantity, as the programme "
        "measures it) from which the step applies.",
    )
    rate = fields.Float(string="Rate (%)", digits=(16, 2))
    fixed_amount = fields.Monetary(help="Paid once the step is reached.")

    _sql_constraints = [
        (
            "threshold_unique",
            "UNIQUE(programme_id, threshold)",
            "Two steps of a programme cannot start at the same volume.",
        )
    ]

    @api.constrains("threshold", "rate", "fixed_amount")
    def _check_values(self):
        for step in self:
            if step.threshold < 0:
                raise ValidationError(
                    self.env._("A step starts at a positive volume (or zero).")
                )
            if not 0 <= step.rate <= 100:
                raise ValidationError(
                    self.env._("A step's rate is between 0 and 100 %.")
                )
            if step.fixed_amount < 0:
                raise ValidationError(
                    self.env._("A step's fixed amount cannot be negative.")
                )
            if not step.rate and not step.fixed_amount:
                raise ValidationError(
                    self.env._("A step needs a rate or a fixed amount.")
                )
