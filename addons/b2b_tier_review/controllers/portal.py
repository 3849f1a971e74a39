# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The dealer's tier and its history in the portal: ``/my/b2b/tier``, an
entry on the portal home and a line on ``/my/account``."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class B2bTierReviewPortal(CustomerPortal):
    def _b2b_tier_dealer(self):
        """The dealer of the current portal user, or empty."""
        user = request.env.user
        if not user.share:
            return request.env["res.partner"]
        return user._b2b_dealer()

    def _b2b_tier_changes_domain(self):
        """The same expression as the portal record rule of the audit."""
        return [
            ("partner_id", "=", request.env.user.partner_id.commercial_partner_id.id)
        ]

    @http.route(["/my/b2b/tier"], type="http", auth="user", website=True)
    def portal_my_b2b_tier(self, **kw):
        dealer = self._b2b_tier_dealer()
        if not dealer:
            raise NotFound()
        # read as the portal user: the record rule shows its dealer's lines only
        changes = request.env["b2b.tier.change"].search(
            self._b2b_tier_changes_domain(), limit=100
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_tier",
                # sudo: the dealer's own tier and override end, read-only display
                "b2b_tier_dealer": dealer.sudo(),
                "b2b_tier_changes": changes,
            }
        )
        return request.render("b2b_tier_review.portal_my_b2b_tier", values)
