# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The signed PDF of a dealer agreement is immutable: nobody deletes it,
moves it to another record or replaces its content, not even through the
sudo() paths of the chatter (``/mail/attachment/delete``,
``/mail/message/update_content``)."""

import base64
import hashlib

from odoo import models
from odoo.exceptions import UserError

#: fields that would detach the file from its agreement
LINK_FIELDS = ("res_model", "res_id", "res_field")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _b2b_signed_agreement_files(self):
        """The attachments of ``self`` that are a signed agreement's PDF
        (one query)."""
        if not self.ids:
            return self.browse()
        # sudo: whether a file is a signed PDF, whoever deletes or writes it
        agreements = (
            self.env["b2b.agreement"]
            .sudo()
            .search(
                [
                    ("attachment_id", "in", self.ids),
                    ("state", "in", ("signed", "expired")),
                ]
            )
        )
        return agreements.attachment_id

    def _b2b_refuse_signed(self):
        raise UserError(
            self.env._(
                "The signed PDF of a dealer agreement cannot be deleted or changed."
            )
        )

    def unlink(self):
        if self._b2b_signed_agreement_files():
            self._b2b_refuse_signed()
        return super().unlink()

    def write(self, vals):
        touches_content = "raw" in vals or "datas" in vals
        touches_link = any(f in vals for f in LINK_FIELDS)
        if touches_content or touches_link:
            signed = self._b2b_signed_agreement_files()
            if touches_link and any(
                f in vals and vals[f] != att[f] for att in signed for f in LINK_FIELDS
            ):
                self._b2b_refuse_signed()
            if touches_content and signed:
                # the same bytes again (a storage migration) are fine
                raw = (
                    vals["raw"]
                    if "raw" in vals
                    else base64.b64decode(vals["datas"] or b"")
                )
                if isinstance(raw, str):
                    raw = raw.encode()
                checksum = hashlib.sha1(raw or b"").hexdigest()
                if any(att.checksum != checksum for att in signed):
                    self._b2b_refuse_signed()
        return super().write(vals)
