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
        return self._b2b_orderable_errors(company)[self.id]

    def _b2b_orderable_errors(self, company=None):
        """:meth:`_b2b_orderable_error` of every product of ``self`` at once,
        as ``{product id: message or None}``: the company's domain is read
        and matched once for the whole set (a 5,000-line upload checks its
        products in one pass, not once per line)."""
        company = company or self.env.company
        allowed = set(self.filtered_domain(self._b2b_orderable_domain(company)).ids)
        errors = {}
        for product in self:
            if product.id in allowed:
                errors[product.id] = None
            elif not product.active or not product.product_tmpl_id.active:
                errors[product.id] = self.env._(
                    "Product %s is archived.", product.display_name
                )
            elif not product.sale_ok:
                errors[product.id] = self.env._(
                    "Product %s cannot be sold.", product.display_name
                )
            elif product.type == "combo":
                errors[product.id] = self.env._(
                    "%s is a combo product: its choices cannot be made on a "
                    "dealer order.",
                    product.display_name,
                )
            elif product.company_id and product.company_id != company:
                errors[product.id] = self.env._(
                    "Product %s cannot be ordered.", product.display_name
                )
            else:
                # the company's choice of products (or a module's narrower rule)
                errors[product.id] = self.env._(
                    "Product %s is not offered to dealers.", product.display_name
                )
        return errors
