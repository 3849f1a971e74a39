# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

#: fields of a user that change which events its subscriptions get (Odoo
#: itself clears every cache when a user's ``active`` changes)
INDEX_FIELDS = {"b2b_api_dealer_ids"}


class ResUsers(models.Model):
    _inherit = "res.users"

    def write(self, vals):
        res = super().write(vals)
        if (
            INDEX_FIELDS & set(vals)
            and self.env["b2b.api.webhook"].sudo()._b2b_webhook_index()
        ):
            self.env.registry.clear_cache()  # b2b.api.webhook._b2b_webhook_index
        return res
