# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_tier_id = fields.Many2one(
        related="partner_id.commercial_partner_id.b2b_tier_id",
        string="Dealer Tier",
    )

    def _confirmation_error_message(self):
        """Refuse to confirm an order of a dealer that may not order."""
        error = super()._confirmation_error_message()
        if error:
            return error
        dealer = self.partner_id.commercial_partner_id
        if dealer.b2b_is_dealer and not dealer.b2b_can_order:
            return self.env._(
                "The dealer %(dealer)s cannot order: its status is %(status)s. "
                "Only approved dealers can confirm orders.",
                dealer=dealer.display_name,
                status=dealer._b2b_state_label(dealer.b2b_state),
            )
        return False
