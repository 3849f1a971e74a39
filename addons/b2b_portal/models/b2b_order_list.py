# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class B2bOrderList(models.Model):
    """A saved list (order template) of a dealer, to order the same products
    again in one step. It belongs to the dealer (commercial partner); its
    author may share it with the colleagues of the same dealer."""

    _name = "b2b.order.list"
    _description = "Dealer Saved Order List"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("b2b_is_dealer", "=", True)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
    )
    shared = fields.Boolean(
        string="Shared with the Dealer",
        help="Every buyer of the dealer may use a shared list.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many(
        "b2b.order.list.line", "list_id", string="Lines", copy=True
    )
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for order_list in self:
            order_list.line_count = len(order_list.line_ids)

    @api.constrains("dealer_id", "user_id")
    def _check_dealer(self):
        for order_list in self:
            if not order_list.dealer_id.b2b_is_dealer:
                raise ValidationError(
                    self.env._("A saved order list belongs to a dealer.")
                )
            owner_dealer = order_list.user_id.partner_id.commercial_partner_id
            if order_list.user_id.share and owner_dealer != order_list.dealer_id:
                raise ValidationError(
                    self.env._(
                        "The owner of a saved order list must be a buyer of its "
                        "dealer."
                    )
                )

    @api.model
    def _b2b_create_from_lines(self, name, lines):
        """A list of the current buyer from (product, quantity) pairs."""
        user = self.env.user
        dealer = user._b2b_dealer()
        if not dealer or not user.share:
            raise ValidationError(self.env._("Only the buyers of a dealer save lists."))
        return self.create(
            {
                "name": name,
                "dealer_id": dealer.id,
                "user_id": user.id,
                "company_id": (dealer.company_id or self.env.company).id,
                "line_ids": [
                    Command.create({"product_id": product.id, "quantity": quantity})
                    for product, quantity in lines
                    if quantity > 0
                ],
            }
        )
