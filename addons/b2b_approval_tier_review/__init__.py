# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import models


def post_init_hook(env):
    # the approval state labels the mixin gives tier proposals (made after
    # b2b_approval's catalogue was loaded: Odoo would leave them in English)
    env["b2b.approval.mixin"]._b2b_approval_load_terms()
