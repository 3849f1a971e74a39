# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.b2b_pricing.tests.common import B2bPricingCommon


class B2bPricingSaleCommon(B2bPricingCommon):
    """Adds a cumulative break to the Silver tier (orders: ``_b2b_order``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.break_rule = cls._rule(
            cls.pl_silver, cls.shirt_tmpl, 60.0, min_qty=50, scope="template"
        )
        cls.SaleOrder = cls.env["sale.order"]
        # prices without taxes, whatever the default taxes of the company
        products = cls.shirt_tmpl | cls.cap.product_tmpl_id | cls.mug.product_tmpl_id
        products.taxes_id = False
