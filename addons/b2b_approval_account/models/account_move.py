# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.b2b_approval.models.b2b_approval_mixin import TRANSITION


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "b2b.approval.mixin"]

    _b2b_approval_state_field = "state"
    _b2b_approval_state_from = ("draft",)
    _b2b_approval_transition = "action_post"
    _b2b_approval_dealer_field = "partner_id"

    def _b2b_get_approval_harmless_fields(self):
        # Written by Odoo itself or by the user without changing what was approved.
        return super()._b2b_get_approval_harmless_fields() | {
            "narration",
            "ref",
            "payment_reference",
            "invoice_origin",
            "invoice_user_id",
            "is_move_sent",
            "checked",
            "auto_post",
            "name",
            "posted_before",
            "made_sequence_gap",
            # Technical flags set by Odoo's own line synchronization.
            "is_manually_modified",
            "needed_terms_dirty",
        }

    def write(self, vals):
        """Imports and RPC writing ``state`` directly cannot skip the approval."""
        if (
            vals.get("state") == "posted"
            and self.env.context.get("b2b_approval_transition") is not TRANSITION
        ):
            blocked = self._b2b_approval_blocked()
            if blocked:
                raise UserError(blocked[:1]._b2b_approval_message())
        return super().write(vals)

    def action_post(self):
        """Post the approved entries; ask approval for the others.

        The entries waiting for approval stay in draft and no error is raised,
        so that their approval request is kept (an error would roll it back).
        """
        blocked = self._b2b_approval_submit()
        todo = self - blocked
        if not todo:
            return False
        return super(
            AccountMove, todo.with_context(b2b_approval_transition=TRANSITION)
        ).action_post()

    def _post(self, soft=True):
        """Safety net for code posting without ``action_post`` (crons, other
        modules): an entry still waiting for approval is refused."""
        if self.env.context.get("b2b_approval_transition") is not TRANSITION:
            blocked = self._b2b_approval_blocked()
            if blocked:
                raise UserError(blocked[:1]._b2b_approval_message())
        return super(
            AccountMove, self.with_context(b2b_approval_transition=TRANSITION)
        )._post(soft=soft)

    def button_cancel(self):
        """A cancelled entry no longer waits for anybody's approval."""
        res = super().button_cancel()
        self._b2b_approval_cancelled(self.env._("The entry was cancelled."))
        return res

    def _b2b_approval_message(self):
        self.ensure_one()
        return self.env._("%s must be approved before it is posted.", self.display_name)

    def _b2b_approval_submit(self, requester=None):
        """Request the approvals the entries need; returns those that must wait."""
        blocked = self._b2b_approval_blocked()
        blocked._b2b_approval_request(requester=requester)
        return blocked
