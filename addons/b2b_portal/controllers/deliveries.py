# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the dealer's deliveries."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import B2bPortal


class B2bPortalDeliveries(B2bPortal):
    # ------------------------------------------------------------------
    # Deliveries
    # ------------------------------------------------------------------
    @http.route(
        ["/my/b2b/deliveries", "/my/b2b/deliveries/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def b2b_deliveries(self, page=1, **kwargs):
        self._b2b_check_dealer()
        Picking = request.env["stock.picking"]
        if not Picking.has_access("read"):
            raise NotFound()
        domain = self._b2b_deliveries_domain()
        count = Picking.search_count(domain)
        pager = portal_pager(
            url="/my/b2b/deliveries", total=count, page=page, step=self._items_per_page
        )
        pickings = Picking.search(
            domain,
            order="scheduled_date desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_deliveries",
                "pickings": pickings,
                "pager": pager,
                "default_url": "/my/b2b/deliveries",
                "has_tracking": "carrier_tracking_ref" in Picking._fields,
            }
        )
        return request.render("b2b_portal.portal_my_deliveries", values)
