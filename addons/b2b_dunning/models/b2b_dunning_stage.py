# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bDunningStage(models.Model):
    """A stage of a company's reminder policy: N days before an invoice
    falls due, on the due date, or N days after it (overdue)."""

    _name = "b2b.dunning.stage"
    _description = "Payment Reminder Stage"
    _order = "company_id, offset_days, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    kind = fields.Selection(
        [
            ("before", "Before the due date"),
            ("due", "On the due date"),
            ("overdue", "Overdue"),
        ],
        required=True,
        default="overdue",
    )
    days = fields.Integer(
        default=0,
        help="Days before the due date (before) or after it (overdue); "
        "0 on the due date.",
    )
    offset_days = fields.Integer(
        compute="_compute_offset_days",
        store=True,
        help="Days from the due date: negative before it.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="E-mail Template",
        required=True,
        domain=[("model", "=", "b2b.dunning.reminder")],
    )

    _sql_constraints = [
        (
            "company_offset_unique",
            "UNIQUE(company_id, offset_days)",
            "A company has one reminder stage per day before or after the due "
            "date (archived stages included).",
        ),
    ]

    @api.depends("kind", "days")
    def _compute_offset_days(self):
        for stage in self:
            sign = {"before": -1, "due": 0, "overdue": 1}[stage.kind or "due"]
            stage.offset_days = sign * stage.days

    @api.constrains("kind", "days")
    def _check_days(self):
        for stage in self:
            if stage.kind == "due" and stage.days:
                raise ValidationError(self.env._("A stage on the due date has 0 days."))
            if stage.kind != "due" and stage.days < 1:
                raise ValidationError(
                    self.env._(
                        "A stage before or after the due date needs at least one day."
                    )
                )
