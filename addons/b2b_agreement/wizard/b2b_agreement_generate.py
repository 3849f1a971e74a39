# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class B2bAgreementGenerate(models.TransientModel):
    _name = "b2b.agreement.generate"
    _description = "Generate Dealer Agreements"

    dealer_ids = fields.Many2many(
        "res.partner",
        string="Dealers",
        required=True,
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
    )
    template_id = fields.Many2one(
        "b2b.agreement.template",
        string="Template",
        domain="[('company_id', '=', company_id)]",
        help="Empty: each dealer's template (its tier's, else the company's).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(
        string="Start",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_end = fields.Date(
        string="End",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        required=True,
    )
    send = fields.Boolean(
        string="Send Now",
        default=True,
        help="Send the agreements to the dealers' admin buyers at once "
        "(e-mail and portal); otherwise they stay drafts to review.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            "dealer_ids" in fields_list
            and self.env.context.get("active_model") == "res.partner"
        ):
            dealers = (
                self.env["res.partner"]
                .browse(self.env.context.get("active_ids", []))
                .filtered("b2b_is_dealer")
            )
            values["dealer_ids"] = [fields.Command.set(dealers.ids)]
        return values

    @api.depends("date_start", "template_id")
    def _compute_date_end(self):
        for wizard in self:
            months = wizard.template_id.duration_months or 12
            wizard.date_end = (
                wizard.date_start + relativedelta(months=months, days=-1)
                if wizard.date_start
                else False
            )

    def action_generate(self):
        self.ensure_one()
        self.env["b2b.agreement"].check_access("create")
        if self.date_end < self.date_start:
            raise UserError(self.env._("An agreement cannot end before it starts."))
        agreements = (
            self.env["b2b.agreement"]
            .with_company(self.company_id)
            ._b2b_generate(
                self.dealer_ids,
                self.date_start,
                self.date_end,
                template=self.template_id or None,
            )
        )
        if self.send and agreements:
            agreements.action_b2b_send()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_agreement.b2b_agreement_action"
        )
        action["domain"] = [("id", "in", agreements.ids)]
        return action
