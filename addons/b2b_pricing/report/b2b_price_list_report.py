# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import AccessError


class B2bPriceListReport(models.AbstractModel):
    _name = "report.b2b_pricing.report_b2b_price_list"
    _description = "Dealer Price List Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        self._b2b_check_price_list_access(partners)
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "price_lists": {
                partner.id: partner._b2b_get_price_list() for partner in partners
            },
        }

    @api.model
    def _b2b_check_price_list_access(self, partners):
        """Dealer staff who can read the dealers, or the dealer's own users."""
        if self.env.su:
            return
        user = self.env.user
        own_dealer = user._b2b_dealer()
        if own_dealer and partners.commercial_partner_id == own_dealer:
            return
        if user._is_internal() and user.has_group(
            "b2b_base.b2b_base_group_salesman_own"
        ):
            partners.check_access("read")
            return
        raise AccessError(
            self.env._("You are not allowed to print the price list of these dealers.")
        )
