# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def uninstall_hook(env):
    """Give the "Dealers" menu back its own root (it was moved under Sales)."""
    menu = env.ref("b2b_base.b2b_base_menu_root", raise_if_not_found=False)
    if menu:
        menu.write({"parent_id": False, "sequence": 31})
