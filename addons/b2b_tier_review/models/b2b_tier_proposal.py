# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

PROPOSAL_STATES = [
    ("grace", "In Grace Period"),
    ("to_approve", "To Approve"),
    ("applied", "Applied"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]

#: the states of a proposal the review still follows
OPEN_STATES = ("grace", "to_approve")


class B2bTierProposal(models.Model):
    """A tier change the review proposes for a dealer.

    An upgrade is due at once; a downgrade waits in its grace period
    (``grace``) until ``effective_date`` while the dealer stays below the
    downgrade line. A due proposal is applied at once or waits for a dealer
    manager (``to_approve``), as the company chooses. Proposals are written
    by the review only (as superuser); users act through the buttons.
    """

    _name = "b2b.tier.proposal"
    _description = "Dealer Tier Proposal"
    _order = "id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        related="partner_id.user_id", string="Salesperson", readonly=True
    )
    kind = fields.Selection(
        [("upgrade", "Upgrade"), ("downgrade", "Downgrade")],
        required=True,
        readonly=True,
    )
    state = fields.Selection(PROPOSAL_STATES, required=True, readonly=True, index=True)
    tier_from_id = fields.Many2one(
        "b2b.dealer.tier", string="Current Tier", readonly=True
    )
    tier_to_id = fields.Many2one(
        "b2b.dealer.tier", string="Proposed Tier", readonly=True
    )
    volume = fields.Monetary(
        string="12-Month Volume", readonly=True, currency_field="currency_id"
    )
    threshold_from = fields.Monetary(
        string="Entry Volume (Current)", readonly=True, currency_field="currency_id"
    )
    threshold_to = fields.Monetary(
        string="Entry Volume (Proposed)", readonly=True, currency_field="currency_id"
    )
    review_date = fields.Date(
        readonly=True, help="Reference date of the review that last saw it."
    )
    below_since = fields.Date(
        readonly=True,
        help="First review that found the dealer below the downgrade line.",
    )
    effective_date = fields.Date(
        readonly=True, help="The day the change takes effect (end of the grace)."
    )
    warning_date = fields.Date(
        readonly=True, help="The day the salesperson was warned of the downgrade."
    )
    activity_id = fields.Many2one(
        "mail.activity", readonly=True, index="btree_not_null"
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    note = fields.Text(readonly=True)

    # ------------------------------------------------------------------
    # Actions (dealer managers)
    # ------------------------------------------------------------------
    def _b2b_check_manager(self):
        if not self.env.user.has_group("b2b_base.b2b_base_group_manager"):
            raise AccessError(
                self.env._("Only dealer managers may decide on tier proposals.")
            )
        self.check_access("read")

    def action_approve(self):
        """Apply proposals waiting for approval (dealer managers)."""
        self._b2b_check_manager()
        return self._b2b_approve()

    def _b2b_approve(self):
        """Apply proposals waiting for approval, once the decision is taken
        (by a dealer manager, or by the approval engine in
        ``b2b_approval_tier_review``)."""
        if any(proposal.state != "to_approve" for proposal in self):
            raise UserError(self.env._("Only proposals to approve can be approved."))
        self.env["b2b.tier.review"]._b2b_apply(self.sudo())
        return True

    def action_reject(self):
        """Reject proposals waiting for approval (dealer managers). The next
        review proposes again what the volume then says (a downgrade starts a
        new grace period)."""
        self._b2b_check_manager()
        if any(proposal.state != "to_approve" for proposal in self):
            raise UserError(self.env._("Only proposals to approve can be rejected."))
        # sudo: proposals are written by the review only; the manager's
        # decision is recorded explicitly
        self.sudo().write(
            {
                "state": "rejected",
                "decided_by_id": self.env.uid,
                "decided_on": fields.Datetime.now(),
            }
        )
        return True
