# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_delivery_address_id = fields.Many2one(
        "res.partner",
        string="Default Delivery Address",
        domain="[('id', 'child_of', id), ('type', '=', 'delivery')]",
        help="The address the dealer's new orders are delivered to, unless "
        "the buyer chooses another of the dealer's delivery addresses.",
    )

    @api.constrains("b2b_delivery_address_id")
    def _check_b2b_delivery_address(self):
        for partner in self.filtered("b2b_delivery_address_id"):
            if (
                partner.b2b_delivery_address_id.commercial_partner_id
                != partner.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The default delivery address of %s must be one of its "
                        "own addresses.",
                        partner.display_name,
                    )
                )
