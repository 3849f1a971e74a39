# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import format_date


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _b2b_portal_availability(self, dealer, company, user=None):
        """What the dealer's portal shows of the availability of the
        products of ``self``: ``{product id: {"state", "display",
        "storable", "incoming" (text or ""), "subscribed" (the user waits
        for it to be back in stock), "warehouses": [{"code", "name",
        "available", "display", "state", "incoming"}]}}``, JSON-ready.

        The figures are the suite's one availability rule for dealers
        (``_b2b_dealer_availability``: the dealer's own warehouses, in their
        sourcing order, exact figures or bands as the company chooses); this
        method only words them. A fixed number of queries for any number of
        products: the rule's, and one for the user's subscriptions.
        """
        if not self:
            return {}
        availability = self._b2b_dealer_availability(dealer, company)
        subscribed = set()
        if user:
            subscribed = self.env["b2b.stock.subscription"]._b2b_open_product_ids(
                user, company, self
            )
        return {
            product_id: {
                "state": figures["state"],
                "display": figures["display"],
                "storable": figures["is_storable"],
                "available": figures["available"],
                "incoming": self._b2b_portal_incoming_text(figures, company),
                "subscribed": product_id in subscribed,
                "warehouses": [
                    {
                        "code": warehouse["code"],
                        "name": warehouse["name"],
                        "available": warehouse["available"],
                        "display": warehouse["display"],
                        "state": warehouse["state"],
                        "incoming": self._b2b_portal_incoming_text(warehouse, company),
                    }
                    for warehouse in figures["warehouses"]
                ],
            }
            for product_id, figures in availability.items()
        }

    def _b2b_dealers_available(self, pairs, company):
        """``{(dealer id, product id): available}`` for each ``(dealer,
        product)`` of ``pairs`` (products among ``self``): what the dealer's
        own warehouses have of the product (the rule of
        ``_b2b_dealer_availability``: the sum over its warehouses, none
        below zero), for the back-in-stock job.

        Set-based: a dealer's warehouses depend on its region and company
        only (``res.partner._b2b_stock_warehouses``), so they are asked once
        per region, and the figures are computed once for every product over
        all those warehouses (``_b2b_availability_figures``).
        """
        by_region, warehouses = {}, self.env["stock.warehouse"]
        for dealer, _product in pairs:
            region = dealer.b2b_region_id.id
            if region not in by_region:
                by_region[region] = dealer._b2b_stock_warehouses(company)
                warehouses |= by_region[region]
        figures = self._b2b_availability_figures(warehouses)
        return {
            (dealer.id, product.id): sum(
                max(figures[(product.id, warehouse.id)]["available"], 0.0)
                for warehouse in by_region[dealer.b2b_region_id.id]
            )
            if product.is_storable
            else 0.0
            for dealer, product in pairs
        }

    def _b2b_portal_incoming_text(self, figures, company):
        """ "Next: 50 on 12/20/2026" (exact figures) or "Expected on
        12/20/2026" (bands: no quantity is told) when the product is out or
        low and something is expected; else ""."""
        if figures["state"] not in ("out", "low") or not figures["incoming_date"]:
            return ""
        day = format_date(self.env, figures["incoming_date"])
        if company.b2b_stock_display == "bands":
            return self.env._("Expected on %(date)s", date=day)
        qty = company._b2b_stock_display_text(figures["incoming_qty"], "in")
        return self.env._("Next: %(qty)s on %(date)s", qty=qty, date=day)
