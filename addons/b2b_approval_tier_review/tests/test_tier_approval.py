# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.b2b_tier_review.tests.common import REF, B2bTierReviewCommon


@tagged("post_install", "-at_install")
class TestTierApproval(B2bTierReviewCommon):
    """With a rule on tier proposals, the approval engine decides."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.b2b_tier_review_mode = "approve"
        cls.approver = cls._b2b_internal_user(
            "tr_approver", "b2b_base.b2b_base_group_user", name="TR Approver"
        )
        cls.rule = cls.env["b2b.approval.rule"].create(
            {
                "name": "Upgrades to Gold",
                "model_id": cls.env["ir.model"]._get("b2b.tier.proposal").id,
                "domain": f"[('tier_to_id', '=', {cls.gold.id})]",
                "auto_transition": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Sales director",
                            "approver_type": "user",
                            "user_ids": [Command.set(cls.approver.ids)],
                        }
                    )
                ],
            }
        )

    def test_engine_approves_matching_proposals(self):
        self._invoice(self.dealer, 320000.0)
        self._run()
        proposal = self._open()
        self.assertEqual(proposal.b2b_approval_state, "pending")
        # the manager's button does not bypass the engine
        proposal.with_user(self.manager).action_approve()
        self.assertEqual(proposal.state, "to_approve")
        self.assertEqual(self.dealer.b2b_tier_id, self.silver)
        request = proposal._b2b_approval_requests()[:1]
        request.with_user(self.approver).action_approve("Good year")
        self.assertEqual(request.state, "approved")
        self.assertEqual(proposal.state, "applied")
        self.assertEqual(self.dealer.b2b_tier_id, self.gold)
        change = self.Change.search([("partner_id", "=", self.dealer.id)])
        self.assertEqual(change.reason, "review")

    def test_other_proposals_stay_with_the_managers(self):
        self.company.b2b_tier_review_grace_days = 0
        self._run(REF)  # no volume: a downgrade to Standard, no rule
        proposal = self._open()
        self.assertEqual(proposal.b2b_approval_state, "none")
        proposal.with_user(self.manager).action_approve()
        self.assertEqual(self.dealer.b2b_tier_id, self.standard)

    def test_rejected_proposal_cancels_its_request(self):
        self._invoice(self.dealer, 320000.0)
        self._run()
        proposal = self._open()
        proposal.with_user(self.manager).action_reject()
        self.assertEqual(proposal.state, "rejected")
        self.assertEqual(proposal._b2b_approval_requests()[:1].state, "cancelled")
