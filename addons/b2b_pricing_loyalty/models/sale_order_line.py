# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.depends(
        "product_id",
        "display_type",
        "price_unit",
        "technical_price_unit",
        "b2b_price_rule_id",
        "order_id.b2b_pricelist_source",
        "reward_id",
    )
    def _compute_b2b_price_source(self):
        return super()._compute_b2b_price_source()

    def _b2b_is_promotion_line(self):
        """Every reward line of a loyalty program is a promotion, the free
        products of "buy X get Y" included (priced by the pricelist, then
        discounted 100 %)."""
        self.ensure_one()
        return bool(self.reward_id) or super()._b2b_is_promotion_line()
