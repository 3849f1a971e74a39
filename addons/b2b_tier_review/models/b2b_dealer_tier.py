# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class B2bDealerTier(models.Model):
    _inherit = "b2b.dealer.tier"

    b2b_review_included = fields.Boolean(
        string="Reviewed on Volume",
        company_dependent=True,
        tracking=True,
        help="The tier takes part in the automatic tier review of the "
        "company: its dealers move up and down between the reviewed tiers "
        "according to their 12-month net invoiced volume. A tier that is not "
        "reviewed (e.g. by agreement only) is never proposed, and its dealers "
        "are left alone.",
    )
    b2b_review_threshold = fields.Float(
        string="Entry Volume",
        company_dependent=True,
        digits=0,
        tracking=True,
        help="Rolling 12-month net invoiced volume (untaxed invoices minus "
        "credit notes, in the company currency) from which a dealer enters "
        "this tier. Set per company when the tier is shared between companies.",
    )
    # Odoo allows no company-dependent monetary field: the threshold is a
    # float shown in the company currency
    b2b_review_currency_id = fields.Many2one(
        "res.currency", compute="_compute_b2b_review_currency_id"
    )

    @api.depends_context("company")
    def _compute_b2b_review_currency_id(self):
        for tier in self:
            tier.b2b_review_currency_id = self.env.company.currency_id
