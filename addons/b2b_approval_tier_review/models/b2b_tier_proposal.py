# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from odoo.addons.b2b_approval.models.b2b_approval_mixin import TRANSITION


class B2bTierProposal(models.Model):
    """A proposal to approve goes through the approval engine when a rule of
    ``b2b.tier.proposal`` matches it; without a matching rule a dealer
    manager approves it with the plain button, as without this module."""

    _name = "b2b.tier.proposal"
    _inherit = ["b2b.tier.proposal", "b2b.approval.mixin"]

    _b2b_approval_state_field = "state"
    _b2b_approval_state_from = ("to_approve",)
    _b2b_approval_transition = "action_approve"
    _b2b_approval_dealer_field = "partner_id"

    def action_approve(self):
        """Proposals a rule matches are applied once the engine approved
        them (the request's last step, or its automatic transition); the
        others are the dealer managers' decision."""
        matching = self._b2b_approval_matching("seller")
        if not matching:
            return super().action_approve()
        blocked = self._b2b_approval_blocked()
        if blocked:
            blocked._b2b_approval_request()
        ruled = self.browse([proposal.id for proposal in matching])
        approved = ruled - blocked
        plain = self - ruled
        if plain:
            super(B2bTierProposal, plain).action_approve()
        if approved:
            approved.with_context(b2b_approval_transition=TRANSITION)._b2b_approve()
        return True

    def action_reject(self):
        res = super().action_reject()
        self._b2b_approval_cancelled(self.env._("The proposal was rejected."))
        return res
