# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

# Buyer roles that see every document of their dealer (a purchaser alone only
# sees the orders placed by its own contact).
B2B_DEALER_WIDE_ROLES = ("admin", "approver", "finance")
# Buyer roles that see the dealer's invoices.
B2B_INVOICE_ROLES = ("admin", "finance")

ALL = [(1, "=", 1)]
NOTHING = [(0, "=", 1)]


class ResUsers(models.Model):
    _inherit = "res.users"

    def _b2b_portal_roles(self):
        """Codes of the buyer roles of the user (empty for everybody else)."""
        self.ensure_one()
        if not self.share:
            return set()
        return set(self.b2b_role_ids.mapped("code"))

    def _b2b_portal_domain(self, model_name):
        """Visibility of the documents of ``model_name`` for this user.

        Used both by the global record rules of this module (``domain_force``
        is ``user._b2b_portal_domain('<model>')``) and by the list pages of the
        portal, so that the two can never disagree. It is a no-op
        (``[(1, '=', 1)]``) for internal users and for portal users that do not
        belong to a dealer (plain portal customers), who keep Odoo's standard
        behaviour. A dealer's portal user never sees another dealer's
        documents, even when it follows them; without a buyer role it is
        treated like a purchaser.
        """
        self.ensure_one()
        if not self.share:
            return list(ALL)
        roles = self._b2b_portal_roles()
        dealer = self.partner_id.commercial_partner_id
        if not roles and not dealer.b2b_is_dealer:
            return list(ALL)
        dealer_id = dealer.id
        # a dealer's user without a role is treated like a purchaser (least
        # privilege): its own orders, no invoices
        own = not roles.intersection(B2B_DEALER_WIDE_ROLES)
        invoices = bool(roles.intersection(B2B_INVOICE_ROLES))
        partner_id = self.partner_id.id
        if model_name == "sale.order":
            domain = [("partner_id.commercial_partner_id", "=", dealer_id)]
            if own:
                domain.append(("partner_id", "=", partner_id))
            return domain
        if model_name == "sale.order.line":
            domain = [("order_id.partner_id.commercial_partner_id", "=", dealer_id)]
            if own:
                domain.append(("order_id.partner_id", "=", partner_id))
            return domain
        if model_name == "stock.picking":
            domain = [("partner_id.commercial_partner_id", "=", dealer_id)]
            if own:
                domain.append(("sale_id.partner_id", "=", partner_id))
            return domain
        if model_name == "account.move":
            if not invoices:
                return list(NOTHING)
            return [("commercial_partner_id", "=", dealer_id)]
        if model_name == "account.move.line":
            if not invoices:
                return list(NOTHING)
            return [("move_id.commercial_partner_id", "=", dealer_id)]
        if model_name == "b2b.order.list":
            return [("dealer_id", "=", dealer_id)]
        return list(ALL)
