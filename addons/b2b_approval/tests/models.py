# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Test-only document model, loaded with ``odoo_test_helper.FakeModelLoader``."""

from odoo import fields, models


class B2bApprovalTestDocument(models.Model):
    _name = "b2b.approval.test.document"
    _description = "Approval Test Document"
    _inherit = ["mail.thread", "b2b.approval.mixin"]
    _b2b_approval_state_from = ("draft",)
    _b2b_approval_transition = "action_confirm"

    name = fields.Char(default="Test document")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
    )
    amount = fields.Float()
    discount = fields.Float()
    note = fields.Text()
    partner_id = fields.Many2one("res.partner")
    user_id = fields.Many2one("res.users", string="Salesperson")
    manager_id = fields.Many2one("res.users", string="Manager")
    company_id = fields.Many2one("res.company", default=lambda s: s.env.company)

    def action_confirm(self):
        """The guarded transition: confirm what is approved, request the rest."""
        blocked = self._b2b_approval_blocked()
        blocked._b2b_approval_request()
        (self - blocked).write({"state": "confirmed"})
        return True
