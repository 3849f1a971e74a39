# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_tier_id = fields.Many2one(
        related="partner_id.commercial_partner_id.b2b_tier_id",
        string="Dealer Tier",
    )

    @api.depends("partner_id")
    def _compute_partner_shipping_id(self):
        """A dealer's order goes to the dealer's default delivery address
        (when it has one), not to whichever of its contacts Odoo finds first;
        customers that are not dealers keep Odoo's choice."""
        res = super()._compute_partner_shipping_id()
        for order in self:
            dealer = order.partner_id.commercial_partner_id
            if dealer.b2b_is_dealer and dealer.b2b_delivery_address_id:
                order.partner_shipping_id = dealer.b2b_delivery_address_id
        return res

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

    @api.constrains("client_order_ref", "partner_id", "state", "company_id")
    def _check_b2b_unique_client_ref(self):
        """A dealer's PO number is unique among its orders that are not
        cancelled, when the company asks for it (any surface: backend,
        portal, import, API)."""
        orders = self.filtered(
            lambda o: o.client_order_ref
            and o.state != "cancel"
            and o.company_id.b2b_unique_client_ref
            and o.partner_id.commercial_partner_id.b2b_is_dealer
        )
        if not orders:
            return
        # sudo: other orders of the same dealer, only their existence matters
        others = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("client_order_ref", "in", orders.mapped("client_order_ref")),
                    (
                        "partner_id",
                        "child_of",
                        orders.partner_id.commercial_partner_id.ids,
                    ),
                    ("state", "!=", "cancel"),
                    ("id", "not in", orders.ids),
                ]
            )
        )
        for order in orders:
            dealer = order.partner_id.commercial_partner_id
            clash = others.filtered(
                lambda o, order=order, dealer=dealer: o.client_order_ref
                == order.client_order_ref
                and o.partner_id.commercial_partner_id == dealer
                and o.company_id == order.company_id
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "The PO number %(ref)s is already used by %(dealer)s on "
                        "another order.",
                        ref=order.client_order_ref,
                        dealer=dealer.display_name,
                    )
                )
