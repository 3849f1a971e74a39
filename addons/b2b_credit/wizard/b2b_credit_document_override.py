# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class B2bCreditDocumentOverride(models.TransientModel):
    _name = "b2b.credit.document.override"
    _description = "Override the Credit Block of a Document"

    res_model = fields.Char(required=True)
    res_id = fields.Many2oneReference(model_field="res_model", required=True)
    document_name = fields.Char(compute="_compute_document_name")
    reason = fields.Text(required=True)

    @api.depends("res_model", "res_id")
    def _compute_document_name(self):
        for wizard in self:
            wizard.document_name = wizard._document().display_name

    def _document(self):
        self.ensure_one()
        if self.res_model not in self.env or "b2b_credit_override_amount" not in (
            self.env[self.res_model]._fields
        ):
            return self.env["res.partner"]
        return self.env[self.res_model].browse(self.res_id).exists()

    def action_confirm(self):
        self.ensure_one()
        document = self._document()
        if not document or document._name != self.res_model:
            raise UserError(self.env._("The document to override no longer exists."))
        document.check_access("write")
        document._b2b_credit_grant_override(self.reason)
        return {"type": "ir.actions.act_window_close"}
