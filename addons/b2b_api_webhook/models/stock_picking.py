# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        Webhook = self.env["b2b.api.webhook"]
        if Webhook._b2b_webhook_index():
            shipped = self.filtered(
                lambda p: p.state == "done"
                and p.picking_type_code == "outgoing"
                and p.sale_id
            )
            if shipped:
                Webhook._b2b_webhook_emit(
                    "delivery.shipped",
                    [
                        (
                            p._name,
                            p.id,
                            p.sale_id.partner_id.commercial_partner_id.id,
                            p.company_id.id,
                        )
                        for p in shipped
                    ],
                )
        return res
