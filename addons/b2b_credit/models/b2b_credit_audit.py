# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

AUDIT_EVENTS = [
    ("hold", "Manual Hold"),
    ("release", "Manual Release"),
    ("auto_hold", "Automatic Hold"),
    ("auto_release", "Automatic Release"),
    ("limit_increase", "Temporary Limit Increase"),
    ("override", "Document Override"),
]


class B2bCreditAudit(models.Model):
    """Append-only log of every credit decision taken by a person or a job."""

    _name = "b2b.credit.audit"
    _description = "Dealer Credit Audit Log"
    _order = "date desc, id desc"
    _rec_name = "event"

    partner_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="By",
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Datetime(readonly=True, default=fields.Datetime.now)
    event = fields.Selection(AUDIT_EVENTS, required=True, readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", readonly=True
    )
    document_name = fields.Char(string="Document", readonly=True)
    value_before = fields.Char(string="Before", readonly=True)
    value_after = fields.Char(string="After", readonly=True)
    reason = fields.Text(readonly=True)
    source = fields.Char(
        readonly=True,
        help="What granted the decision (e.g. an approval request).",
    )

    @api.model
    def _b2b_log(self, partner, event, **values):
        """Write an audit line. The log is append-only: nobody has write or
        create access, so the line is created as superuser (sudo) on purpose,
        with the acting user recorded explicitly."""
        values.setdefault("user_id", self.env.user.id)
        values.setdefault("company_id", self.env.company.id)
        return self.sudo().create(
            {"partner_id": partner.commercial_partner_id.id, "event": event, **values}
        )
