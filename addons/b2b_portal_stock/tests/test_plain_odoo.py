# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPlainPortalMixin

from .common import B2bPortalStockCommon


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bPlainPortalMixin, B2bPortalStockCommon):
    """A portal customer that is no dealer sees Odoo's own order page: no
    shipping per warehouse, no query of the suite's tables."""

    def test_plain_order_page(self):
        self.order_plain.action_confirm()
        self._b2b_assert_plain_page(
            "p_plain", self.order_plain.get_portal_url(), "Last Delivery Orders"
        )
