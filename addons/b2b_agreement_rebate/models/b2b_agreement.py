# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models


class B2bAgreement(models.Model):
    _inherit = "b2b.agreement"

    b2b_rebate_programme_ids = fields.Many2many(
        "b2b.rebate.programme",
        string="Rebate Programmes",
        compute="_compute_b2b_rebate",
        help="The running rebate programmes of the company that apply to the "
        "dealer and overlap the agreement's period.",
    )
    b2b_rebate_summary = fields.Html(
        string="Rebate Programmes (Text)",
        compute="_compute_b2b_rebate",
        sanitize=False,
        help="The programmes and their steps, for the template's body: "
        '<t t-out="object.b2b_rebate_summary"/>.',
    )

    @api.depends("dealer_id", "company_id", "date_start", "date_end")
    def _compute_b2b_rebate(self):
        """One search of the running programmes of the agreements' companies;
        each programme's dealer scope is evaluated in memory on the dealers."""
        # sudo: the names, periods and steps of the programmes that apply to
        # the agreement's dealer, shown in its text (dealers and salespeople
        # may not read the programmes' configuration)
        programmes = (
            self.env["b2b.rebate.programme"]
            .sudo()
            .search(
                [
                    ("state", "=", "running"),
                    ("company_id", "in", self.company_id.ids),
                ],
                order="date_start, id",
            )
        )
        scopes = {
            programme: self.dealer_id.sudo().filtered_domain(
                programme._b2b_dealer_domain()
            )
            for programme in programmes
        }
        for agreement in self:
            applying = programmes.filtered(
                lambda p, a=agreement: p.company_id == a.company_id
                and a.dealer_id in scopes[p]
                and (not a.date_end or p.date_start <= a.date_end)
                and (not p.date_end or not a.date_start or p.date_end >= a.date_start)
            )
            agreement.b2b_rebate_programme_ids = applying.with_env(self.env)
            agreement.b2b_rebate_summary = (
                self.env["ir.qweb"]._render(
                    "b2b_agreement_rebate.agreement_rebate_summary",
                    {"programmes": applying, "agreement": agreement},
                )
                if applying
                else Markup()
            )
