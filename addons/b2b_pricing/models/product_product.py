# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    # ------------------------------------------------------------------
    # Orderability: the one rule of what a dealer line may order
    # ------------------------------------------------------------------
    @api.model
    def _b2b_orderable_domain(self, company=None):
        """Domain of the products a dealer may order (catalogue, quick order,
        saved lists, API) in ``company`` (default: the current company):
        active, saleable, not a combo (its choices cannot be made on a dealer
        line), of the company or shared, and within the company's
        *Products Dealers May Order* (goods by default). Modules narrow it
        by extending it."""
        company = company or self.env.company
        return [
            ("active", "=", True),
            ("product_tmpl_id.active", "=", True),
            ("sale_ok", "=", True),
            ("type", "!=", "combo"),
            ("company_id", "in", [company.id, False]),
            *company._b2b_product_domain(),
        ]

    def _b2b_orderable_error(self, company=None):
        """Why the product cannot be ordered by a dealer in ``company`` (a
        message for the buyer), or ``None`` when it can; the same rule as
        :meth:`_b2b_orderable_domain`, checked in memory."""
        self.ensure_one()
        company = company or self.env.company
        if not self.active or not self.product_tmpl_id.active:
            return self.env._("Product %s is archived.", self.display_name)
        if not self.sale_ok:
            return self.env._("Product %s cannot be sold.", self.display_name)
        if self.type == "combo":
            return self.env._(
                "%s is a combo product: its choices cannot be made on a dealer "
                "order.",
                self.display_name,
            )
        if self.company_id and self.company_id != company:
            return self.env._("Product %s cannot be ordered.", self.display_name)
        if not self.filtered_domain(self._b2b_orderable_domain(company)):
            # the company's choice of products (or a module's narrower rule)
            return self.env._(
                "Product %s is not offered to dealers.", self.display_name
            )
        return None
