# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_company import BACKORDER_POLICIES


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_backorder_policy = fields.Selection(
        BACKORDER_POLICIES,
        string="Backorder Policy",
        help="How a line that no single warehouse of the dealer's region "
        "covers is served; empty: the policy of the company of the order.",
    )

    def _b2b_get_backorder_policy(self, company):
        """The backorder policy of the dealer (``self``, a commercial
        partner) for an order of ``company``."""
        self.ensure_one()
        return self.b2b_backorder_policy or company.b2b_backorder_policy

    def _b2b_stock_warehouses(self, company):
        """A dealer of a region with a warehouse list in ``company`` sees
        (and is served from) that list only, default first, then the
        fallbacks; otherwise every warehouse of the company (``b2b_stock``).
        No query for the list itself (cached per registry), one for its
        warehouses."""
        self.ensure_one()
        dealer = self.commercial_partner_id
        if dealer.b2b_is_dealer and dealer.b2b_region_id and company:
            pair = (dealer.b2b_region_id.id, company.id)
            warehouses = self.env["b2b.region.warehouse"]._b2b_get_lists([pair])
            if pair in warehouses:
                return warehouses[pair].with_env(self.env)
        return super()._b2b_stock_warehouses(company)
