# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

#: what only ``_b2b_apply_rebate_balance`` changes on a rebate line
GUARDED = {"price_unit", "technical_price_unit", "product_uom_qty", "product_id"}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    b2b_is_rebate_line = fields.Boolean(
        string="Rebate Balance Line",
        readonly=True,
        copy=False,
        help="The discount line of the dealer's rebate balance, set by "
        "'Apply rebate balance'.",
    )

    # ------------------------------------------------------------------
    # Odoo's hooks for computed lines (as sale_loyalty's reward lines)
    # ------------------------------------------------------------------
    def _compute_name(self):
        rebate = self.filtered("b2b_is_rebate_line")
        return super(SaleOrderLine, self - rebate)._compute_name()

    def _compute_discount(self):
        rebate = self.filtered("b2b_is_rebate_line")
        rebate.discount = 0.0  # no pricelist discount on the rebate itself
        return super(SaleOrderLine, self - rebate)._compute_discount()

    def _get_display_price(self):
        # the price of the rebate line is the balance applied, never the
        # product's price
        if self.b2b_is_rebate_line:
            return self.price_unit
        return super()._get_display_price()

    def _is_not_sellable_line(self):
        return self.b2b_is_rebate_line or super()._is_not_sellable_line()

    def _is_discount_line(self):
        return self.b2b_is_rebate_line or super()._is_discount_line()

    def _can_be_invoiced_alone(self):
        return super()._can_be_invoiced_alone() and not self.b2b_is_rebate_line

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("b2b_rebate_apply") and any(
            vals.get("b2b_is_rebate_line") for vals in vals_list
        ):
            raise UserError(
                self.env._("Use 'Apply rebate balance' to add the rebate line.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if (
            GUARDED & vals.keys()
            and not self.env.context.get("b2b_rebate_apply")
            and any(self.mapped("b2b_is_rebate_line"))
        ):
            raise UserError(
                self.env._(
                    "The rebate line is set by 'Apply rebate balance': apply "
                    "it again instead of changing it."
                )
            )
        return super().write(vals)

    def unlink(self):
        """Removing the rebate line gives the balance back (ledger line)."""
        orders = self.filtered("b2b_is_rebate_line").order_id
        res = super().unlink()
        if orders and not self.env.context.get("b2b_rebate_apply"):
            orders._b2b_rebate_sync(
                0.0, self.env._("The rebate line was removed from the order.")
            )
        return res
