# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class B2bApprovalRequest(models.Model):
    _inherit = "b2b.approval.request"

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests._b2b_webhook_approval_changed()
        return requests

    def _b2b_on_step_done(self, line, user_env):
        # The state is computed from the steps, already decided here: a final
        # outcome (approved, rejected) is announced before what follows from
        # it (the order's confirmation), so receivers get them in that order.
        if self.state != "pending":
            self._b2b_webhook_approval_changed()
        return super()._b2b_on_step_done(line, user_env)

    def _b2b_reset(self, reason):
        active = self.filtered(lambda r: r.state in ("pending", "approved"))
        res = super()._b2b_reset(reason)
        active._b2b_webhook_approval_changed()
        return res

    def _b2b_webhook_approval_changed(self):
        """order.approval_changed: a request of an order was created or
        changed state (approved, rejected, cancelled)."""
        Webhook = self.env["b2b.api.webhook"]
        if not Webhook._b2b_webhook_index():
            return
        # sudo: the request's own document reference, dealer and company.
        items = [
            ("sale.order", r.res_id, r.dealer_id.id, r.company_id.id)
            for r in self.sudo()
            if r.res_model == "sale.order"
            and Webhook._b2b_webhook_watched(r.company_id.id, r.dealer_id.id)
        ]
        if items:
            Webhook._b2b_webhook_emit("order.approval_changed", items)
