# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.b2b_approval.models.b2b_approval_mixin import TRANSITION


class B2bRebateSettlement(models.Model):
    _name = "b2b.rebate.settlement"
    _inherit = ["b2b.rebate.settlement", "b2b.approval.mixin"]

    _b2b_approval_state_field = "state"
    _b2b_approval_state_from = ("draft", "to_approve")
    _b2b_approval_transition = "action_b2b_done"
    # a settlement covers many dealers: rules match on its own fields
    # (amount_total, amount_paid, programme_id, settlement_mode, ...)
    _b2b_approval_dealer_field = None

    def _b2b_submit(self):
        """Settlements matching an approval rule wait (*To Approve*, counted
        as *Waiting* on the accruals); the others are settled at once."""
        blocked = self._b2b_approval_blocked()
        if blocked:
            blocked._b2b_approval_request()
            # sudo: the state is written by the settlement code only
            blocked.sudo().write({"state": "to_approve"})
        return super(B2bRebateSettlement, self - blocked)._b2b_submit()

    def _b2b_do(self):
        """Refused while an approval is missing, on every path."""
        if self.env.context.get("b2b_approval_transition") is not TRANSITION:
            blocked = self._b2b_approval_blocked()
            if blocked:
                raise UserError(
                    self.env._(
                        "%s must be approved before it is settled.",
                        blocked[:1].display_name,
                    )
                )
        return super(
            B2bRebateSettlement,
            self.with_context(b2b_approval_transition=TRANSITION),
        )._b2b_do()

    def action_b2b_cancel(self):
        res = super().action_b2b_cancel()
        self._b2b_approval_cancelled(self.env._("The settlement was cancelled."))
        return res
