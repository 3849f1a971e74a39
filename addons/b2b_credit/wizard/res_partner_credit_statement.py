# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import Command, fields, models


def _default_date_from(record):
    return record.env["res.partner"]._b2b_credit_statement_default_period()[0]


class ResPartnerCreditStatement(models.TransientModel):
    _name = "res.partner.credit.statement"
    _description = "Print or Send a Dealer Statement"

    partner_id = fields.Many2one("res.partner", string="Dealer", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(required=True, default=_default_date_from)
    date_to = fields.Date(required=True, default=fields.Date.context_today)

    def _report_data(self):
        self.ensure_one()
        return {
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
            "company_id": self.company_id.id,
            "partner_ids": self.partner_id.ids,
        }

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "b2b_credit.action_report_res_partner_statement"
        ).report_action(self.partner_id, data=self._report_data())

    def action_send(self):
        """Open the mail composer with the statement attached."""
        self.ensure_one()
        dealer = self.partner_id
        pdf, _fmt = self.env["ir.actions.report"]._render_qweb_pdf(
            "b2b_credit.action_report_res_partner_statement",
            dealer.ids,
            data=self._report_data(),
        )
        name = self.env._(
            "Statement %(dealer)s %(start)s - %(end)s",
            dealer=dealer.display_name,
            start=self.date_from,
            end=self.date_to,
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{name}.pdf",
                "type": "binary",
                "datas": base64.b64encode(pdf),
                # Owned by the composer (as its uploads): the sender may
                # mail the dealer without being allowed to edit it.
                "res_model": "mail.compose.message",
                "res_id": 0,
                "mimetype": "application/pdf",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": "res.partner",
                "default_res_ids": dealer.ids,
                "default_composition_mode": "comment",
                "default_subject": name,
                "default_body": self.env._(
                    "Please find attached your statement of account."
                ),
                "default_partner_ids": [Command.link(dealer.id)],
                "default_attachment_ids": [Command.link(attachment.id)],
            },
        }
