# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class B2bTierReview(models.AbstractModel):
    _inherit = "b2b.tier.review"

    @api.model
    def _b2b_run(self, company, ref_date, partner_ids=None):
        """The proposals the review leaves waiting for approval get their
        approval requests at once (when a rule matches them), so that the
        approvers find them in their inbox."""
        decisions = super()._b2b_run(company, ref_date, partner_ids=partner_ids)
        if decisions and company.sudo().b2b_tier_review_mode == "approve":
            Proposal = self.env["b2b.tier.proposal"].sudo()
            if Proposal._b2b_approval_has_rules():
                waiting = Proposal.search(
                    [
                        ("company_id", "=", company.id),
                        ("state", "=", "to_approve"),
                        ("partner_id", "in", [d["partner"].id for d in decisions]),
                    ]
                )
                waiting._b2b_approval_blocked()._b2b_approval_request()
        return decisions
