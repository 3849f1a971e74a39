# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_rebate_order_cap = fields.Float(
        string="Rebate Balance Cap (%)",
        default=10.0,
        digits=(16, 2),
        help="At most this share of an order's untaxed amount (before the "
        "rebate) can be paid with the dealer's rebate balance.",
    )

    @api.constrains("b2b_rebate_order_cap")
    def _check_b2b_rebate_order_cap(self):
        for company in self:
            if not 0.0 <= company.b2b_rebate_order_cap <= 100.0:
                raise ValidationError(
                    self.env._("The rebate balance cap is a percentage (0 to 100).")
                )
