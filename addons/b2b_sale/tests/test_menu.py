# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged

from ..hooks import uninstall_hook


@tagged("post_install", "-at_install")
class TestDealerMenu(TransactionCase):
    def test_menu_under_sales_and_back(self):
        menu = self.env.ref("b2b_base.b2b_base_menu_root")
        self.assertEqual(menu.parent_id, self.env.ref("sale.sale_menu_root"))
        uninstall_hook(self.env)
        self.assertFalse(menu.parent_id)
