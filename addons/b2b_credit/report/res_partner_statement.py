# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReportResPartnerStatement(models.AbstractModel):
    _name = "report.b2b_credit.report_res_partner_statement"
    _description = "Dealer Statement Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        today = fields.Date.context_today(self)
        date_from = data.get("date_from") or today.replace(day=1)
        date_to = data.get("date_to") or today
        company = self.env["res.company"].browse(
            data.get("company_id") or self.env.company.id
        )
        docs = self.env["res.partner"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": docs,
            "company": company,
            "statements": {
                # Labels (ageing buckets) in the dealer's language, like the
                # rest of the document (t-lang).
                partner.id: partner.with_context(
                    lang=partner.lang or self.env.lang
                )._b2b_credit_statement(date_from, date_to, company)
                for partner in docs
            },
        }
