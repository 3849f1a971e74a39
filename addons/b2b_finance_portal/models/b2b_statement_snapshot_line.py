# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class B2bStatementSnapshotLine(models.Model):
    _name = "b2b.statement.snapshot.line"
    _description = "Dealer Statement Snapshot Line"
    _order = "snapshot_id, sequence, id"

    snapshot_id = fields.Many2one(
        "b2b.statement.snapshot", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="snapshot_id.company_id", store=True)
    currency_id = fields.Many2one(related="snapshot_id.currency_id")
    sequence = fields.Integer()
    date = fields.Date()
    name = fields.Char(string="Document")
    ref = fields.Char(string="Reference")
    kind = fields.Selection(
        [
            ("invoice", "Invoice"),
            ("credit_note", "Credit Note"),
            ("payment", "Payment"),
            ("other", "Other"),
        ],
        string="Type",
    )
    due_date = fields.Date()
    debit = fields.Monetary()
    credit = fields.Monetary()
    balance = fields.Monetary()
    disputed = fields.Boolean()

    def _b2b_check_not_confirmed(self):
        self.snapshot_id._b2b_check_not_confirmed()

    @api.model_create_multi
    def create(self, vals_list):
        snapshots = self.env["b2b.statement.snapshot"].browse(
            [vals["snapshot_id"] for vals in vals_list if vals.get("snapshot_id")]
        )
        snapshots._b2b_check_not_confirmed()
        return super().create(vals_list)

    def write(self, vals):
        self._b2b_check_not_confirmed()
        return super().write(vals)

    def unlink(self):
        self._b2b_check_not_confirmed()
        return super().unlink()
