# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Agreement templates (经销协议模板): a QWeb body rendered by Odoo's
``mail.render.mixin`` on each agreement (``object``: the agreement)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bAgreementTemplate(models.Model):
    _name = "b2b.agreement.template"
    _description = "Dealer Agreement Template"
    _inherit = ["mail.render.mixin"]
    _order = "sequence, id"
    _check_company_auto = True
    # the body is written by the dealer managers (mail template editors, as
    # for mail.template): rendered as written, not in restricted mode
    _unrestricted_rendering = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    tier_ids = fields.Many2many(
        "b2b.dealer.tier",
        string="Tiers",
        check_company=True,
        help="The dealer tiers this template is for; empty: every dealer of the "
        "company without a template of its own tier.",
    )
    duration_months = fields.Integer(
        string="Duration (Months)",
        default=12,
        required=True,
        help="Length of an agreement's period, also of its renewals.",
    )
    target_amount = fields.Monetary(
        string="Purchase Target",
        help="Yearly purchase target written in the agreements (object."
        "target_amount in the body); it can be changed on each draft.",
    )
    body_html = fields.Html(
        string="Body",
        render_engine="qweb",
        render_options={"post_process": True},
        translate=True,
        sanitize="email_outgoing",
        help="QWeb: 'object' is the agreement (object.dealer_id, object.tier_id, "
        "object.region_id, object.date_start, object.date_end, "
        "object.target_amount), with format_date and format_amount.",
    )
    lang = fields.Char(
        default="{{ object.dealer_id.lang }}",
        help="Language the body is rendered in (an inline expression); "
        "default: the dealer's language.",
    )
    agreement_count = fields.Integer(compute="_compute_agreement_count")

    @api.constrains("duration_months")
    def _check_duration_months(self):
        for template in self:
            if not 1 <= template.duration_months <= 120:
                raise ValidationError(
                    self.env._("An agreement lasts from 1 to 120 months.")
                )

    def _compute_render_model(self):
        self.render_model = "b2b.agreement"

    def _compute_agreement_count(self):
        counts = dict(
            self.env["b2b.agreement"]._read_group(
                [("template_id", "in", self.ids)], ["template_id"], ["__count"]
            )
        )
        for template in self:
            template.agreement_count = counts.get(template, 0)

    @api.model
    def _b2b_templates_for(self, dealers, company):
        """{dealer: template} for ``dealers`` in ``company``: the first active
        template of the dealer's tier, else the first without tiers (one
        search for every dealer)."""
        templates = self.search([("company_id", "=", company.id)])
        result = {}
        for dealer in dealers:
            tier = dealer.b2b_tier_id
            result[dealer] = next(
                (t for t in templates if tier and tier in t.tier_ids),
                next((t for t in templates if not t.tier_ids), self.browse()),
            )
        return result

    def _b2b_render_bodies(self, agreements):
        """{agreement id: body} of ``agreements`` rendered with this template,
        each in its dealer's language."""
        self.ensure_one()
        return self.with_context(lang=False)._render_field(
            "body_html", agreements.ids, compute_lang=True
        )
