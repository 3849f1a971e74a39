# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import AccessError, MissingError


class ReportResPartnerStatement(models.AbstractModel):
    _name = "report.b2b_credit.report_res_partner_statement"
    _description = "Dealer Statement Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        default_from, default_to = self.env[
            "res.partner"
        ]._b2b_credit_statement_default_period()
        date_from = data.get("date_from") or default_from
        date_to = data.get("date_to") or default_to
        company = self.env["res.company"].browse(
            data.get("company_id") or self.env.company.id
        )
        # the wizard's print sends its dealer in ``data``: with data, the web
        # client asks for the report without ids in the URL
        docids = docids or [int(pid) for pid in data.get("partner_ids") or []]
        docs = self.env["res.partner"].browse(docids)
        self._b2b_check_statement_access(docs, company)
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

    @api.model
    def _b2b_check_statement_access(self, partners, company):
        """A statement shows journal items: the same refusal (whether the
        partner exists or not) unless the user may read the partners and
        the company's receivables: billing / accounting users of that company, or a
        dealer's finance / admin buyer for its own dealer. Rendering as
        superuser (the portal's own download route) is not checked here."""
        if self.env.su:
            return
        user = self.env.user
        refused = AccessError(
            self.env._("You are not allowed to see the statement of this partner.")
        )
        if not company.exists() or company not in user.company_ids:
            raise refused
        try:
            partners.check_access("read")
        except (AccessError, MissingError) as error:
            raise refused from error
        if partners.exists() != partners:
            raise refused
        if user._is_internal():
            if not (
                user.has_group("account.group_account_invoice")
                or user.has_group("account.group_account_readonly")
            ) or not self.env["account.move.line"].has_access("read"):
                raise refused
            return
        dealer = user._b2b_dealer()
        if (
            not dealer
            or partners.commercial_partner_id != dealer
            or not (user._b2b_has_role("finance") or user._b2b_has_role("admin"))
        ):
            raise refused
