# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_stock_warehouses(self, company):
        """The warehouses whose stock the dealer (``self``, a commercial
        partner) may see in ``company`` and is served from, in display and
        sourcing order: here every active warehouse of the company (Odoo's
        order); regional sourcing (``b2b_sale_stock``) narrows it to the
        dealer's region's list.

        The recordset is in the caller's environment; ``code`` and
        ``name`` are fetched (in the same query) for the availability
        answers, which a dealer's user may not read itself."""
        self.ensure_one()
        # sudo: which warehouses the company has (ids, code and name only);
        # a portal user cannot read stock.warehouse
        warehouses = (
            self.env["stock.warehouse"]
            .sudo()
            .search_fetch([("company_id", "=", company.id)], ["code", "name"])
        )
        return warehouses.with_env(self.env)
