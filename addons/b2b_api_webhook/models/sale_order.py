# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        res = super()._action_confirm()
        self.env["b2b.api.webhook"]._b2b_webhook_emit_documents(
            "order.confirmed", self, "partner_id"
        )
        return res

    def _action_cancel(self):
        res = super()._action_cancel()
        self.env["b2b.api.webhook"]._b2b_webhook_emit_documents(
            "order.cancelled", self, "partner_id"
        )
        return res
