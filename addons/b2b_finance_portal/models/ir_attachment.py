# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

#: what makes the file (its access token or description may change)
CONTENT_FIELDS = {"raw", "datas", "db_datas", "store_fname", "res_model", "res_id"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _b2b_check_statement_frozen(self):
        """The PDF of a confirmed statement is never changed nor deleted."""
        ids = [
            attachment.res_id
            for attachment in self.sudo()
            if attachment.res_model == "b2b.statement.snapshot" and attachment.res_id
        ]
        if ids:
            # sudo: only the state of the snapshots owning these files
            self.env["b2b.statement.snapshot"].sudo().browse(
                ids
            ).exists()._b2b_check_not_confirmed()

    def write(self, vals):
        if CONTENT_FIELDS & set(vals):
            self._b2b_check_statement_frozen()
        return super().write(vals)

    def unlink(self):
        self._b2b_check_statement_frozen()
        return super().unlink()
