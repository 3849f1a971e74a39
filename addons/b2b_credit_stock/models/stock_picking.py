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
        if deliveries:
            # sudo: the delivery policy applies to whoever validates, and an
            # inventory user may not read sales orders. Scope: the orders of
            # these deliveries, for the credit decision only (read, the
            # dealer's guard row, the warning note). sudo() keeps env.uid, so
            # a warning is posted in the validating user's name and a block
            # refuses the validation with the credit message.
            deliveries.sudo().sale_id._b2b_credit_enforce("delivery")
        return super()._action_done()
