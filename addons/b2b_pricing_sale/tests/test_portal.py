# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import B2bPricingSaleCommon


@tagged("post_install", "-at_install")
class TestPortal(B2bPricingSaleCommon, HttpCase):
    def test_portal_quotation_shows_breaks_and_rules(self):
        self.env["b2b.order.rule"].create(
            {
                "name": "Shirts by the dozen",
                "applied_on": "product",
                "product_tmpl_id": self.shirt_tmpl.id,
                "qty_multiple": 12,
            }
        )
        order = self._b2b_order(self.dealer, [(self.shirt_red, 30)])
        order.action_quotation_sent()
        response = self.url_open(order.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("20 more for", response.text)
        self.assertIn("order in multiples of 12: 24 or 36", response.text)
        self.assertIn("cannot be confirmed", response.text)
