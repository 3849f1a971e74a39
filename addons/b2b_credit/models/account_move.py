# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

#: draft customer invoices of a dealer, covering what the exposure reads
DRAFT_INVOICES_INDEX = "b2b_credit_am_draft_idx"


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "b2b.credit.document.mixin"]

    b2b_credit_warning = fields.Text(
        string="Dealer Credit Warning", compute="_compute_b2b_credit_warning"
    )

    def init(self):
        """Odoo does not index ``commercial_partner_id`` of journal entries:
        the exposure reads a dealer's draft customer invoices through this
        small partial index instead of scanning every journal entry."""
        res = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s "
                "(commercial_partner_id, company_id) INCLUDE (id, amount_total_signed) "
                "WHERE state = 'draft' AND move_type IN ('out_invoice', 'out_refund')",
                SQL.identifier(DRAFT_INVOICES_INDEX),
                SQL.identifier(self._table),
            )
        )
        return res

    @api.depends("partner_id", "amount_total_signed", "state", "company_id")
    @api.depends_context("lang")
    def _compute_b2b_credit_warning(self):
        for move in self:
            move.b2b_credit_warning = (
                move._b2b_credit_warning_for("invoice")
                if move.state == "draft" and move.move_type == "out_invoice"
                else ""
            )

    def _b2b_credit_document_partner(self):
        self.ensure_one()
        return self.commercial_partner_id or self.partner_id.commercial_partner_id

    def _b2b_credit_document_company(self):
        self.ensure_one()
        return self.company_id

    def _b2b_credit_document_amount(self):
        self.ensure_one()
        return self.amount_total_signed

    def _post(self, soft=True):
        # Every posting path (button, cron auto-post, import, RPC, payment
        # flows) goes through _post: customer invoices are checked here.
        self.filtered(
            lambda move: move.move_type == "out_invoice" and move.state == "draft"
        )._b2b_credit_enforce("invoice")
        return super()._post(soft=soft)
