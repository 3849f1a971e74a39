# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        # Every validation path (button, backorder wizard, immediate
        # transfer, RPC, automated actions) ends in _action_done.
        deliveries = self.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.sale_id
        )
        deliveries.sale_id._b2b_credit_enforce("delivery")
        return super()._action_done()
