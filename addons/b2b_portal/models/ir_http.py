# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

#: modules whose JavaScript texts the portal shows: the suite's own scripts
#: (quick order hints) and Odoo's discussion components, which the portal's
#: chatter is built from ("The conversation is empty.")
FRONTEND_TRANSLATED_MODULES = ["mail", "b2b_portal"]


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        # Odoo loads only web's and portal's translations in the frontend, so
        # the chatter of every portal document and the suite's scripts stay
        # in English in any other language. Only more texts in the same
        # cached translation file: no page gets a query or a marker more.
        mods = super()._get_translation_frontend_modules_name()
        return mods + [name for name in FRONTEND_TRANSLATED_MODULES if name not in mods]
