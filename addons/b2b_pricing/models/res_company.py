# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools.safe_eval import safe_eval


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_pricelist_precedence = fields.Selection(
        [
            ("tier", "Tier before region"),
            ("region", "Region before tier"),
        ],
        string="Dealer Pricelist Precedence",
        default="tier",
        required=True,
        help="Which pricelist a dealer without contract pricelist gets when both "
        "its tier and its region (or country group) have one. A contract "
        "pricelist set on the dealer always wins.",
    )
    b2b_product_domain = fields.Char(
        string="Products Dealers May Order",
        default='[("type", "=", "consu")]',
        help="Which saleable products dealers see in the portal catalogue and "
        "may order from the portal, a file or the API (a domain on products). "
        "By default goods only: services, gift cards, e-wallet top-ups and "
        "the down payment product stay out. Archived, unsaleable and combo "
        "products are never orderable by dealers.",
    )

    def _b2b_product_domain(self):
        """The company's *Products Dealers May Order* as a domain (an
        unreadable value offers nothing rather than everything)."""
        self.ensure_one()
        try:
            domain = safe_eval(self.sudo().b2b_product_domain or "[]")
        except (ValueError, SyntaxError, NameError, TypeError):
            return [("id", "=", False)]
        return domain if isinstance(domain, list) else [("id", "=", False)]
