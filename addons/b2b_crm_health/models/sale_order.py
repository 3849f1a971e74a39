# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        """A dealer that orders again closes its open health activities.

        Costs a plain customer nothing: the partner and its commercial
        partner are in the cache (the confirmation read them), only the
        dealers' orders search their activities (one query)."""
        res = super()._action_confirm()
        dealer_orders = self.filtered(
            lambda o: o.partner_id.commercial_partner_id.b2b_is_dealer
        )
        if dealer_orders:
            self.env["b2b.dealer.health"]._b2b_close_activities(dealer_orders)
        return res
