# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import timedelta

from werkzeug.urls import url_encode

from odoo import fields, http
from odoo.http import content_disposition, request

from odoo.addons.b2b_portal.controllers.portal import B2bPortal

STATEMENT_REPORT = "b2b_credit.action_report_res_partner_statement"
# Longest period shown at once (the opening balance covers what is before).
STATEMENT_MAX_DAYS = 731


class B2bPortalCredit(B2bPortal):
    # ------------------------------------------------------------------
    # Home card
    # ------------------------------------------------------------------
    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if getattr(response, "qcontext", None) is not None:
            response.qcontext.update(self._b2b_credit_home_values())
        return response

    def _b2b_credit_home_values(self):
        """Values of the credit card of the portal home (see the template)."""
        user = request.env.user
        access = user._b2b_portal_credit_access()
        if not access:
            return {"b2b_credit": False}
        company = request.env.company
        # sudo: the credit summary of the user's own dealer, whose buyer role
        # allows it (checked above); the limit field is restricted to
        # accounting groups.
        dealer = user._b2b_dealer().sudo()
        info = dealer._b2b_credit_info(company)
        used_pct = 0
        if not info["unlimited"] and info["limit"] > 0:
            used_pct = round(min(max(info["exposure"] / info["limit"], 0.0), 1.0) * 100)
        return {
            "b2b_credit": info,
            "b2b_credit_access": access,
            "b2b_credit_currency": company.currency_id,
            "b2b_credit_used_pct": used_pct,
            # can the dealer order now, and why not: every role sees it
            "b2b_order_status": dealer._b2b_portal_order_status(company, info),
        }

    # ------------------------------------------------------------------
    # Statement of account
    # ------------------------------------------------------------------
    def _b2b_statement_dealer(self):
        """The dealer whose statement the current user may read.

        Only finance and admin buyers of a dealer, and only their own
        dealer: the dealer never comes from the request. Other buyers of the
        dealer get the page "not available for your role", everybody else a
        404 (``B2bPortal._b2b_check_dealer``).
        """
        return self._b2b_check_dealer(role=("finance", "admin"))

    def _b2b_statement_period(self, date_from=None, date_to=None):
        """Parse and check the period typed by the user.

        :return: (date_from, date_to, errors); the dates default to the
            statement's default period (previous month and current month so
            far); ``errors`` is a list of messages (empty when valid).
        """
        default_from, default_to = request.env[
            "res.partner"
        ]._b2b_credit_statement_default_period()
        errors = []
        dates = {}
        for key, value, default, label in (
            ("from", date_from, default_from, request.env._("start date")),
            ("to", date_to, default_to, request.env._("end date")),
        ):
            if not value:
                dates[key] = default
                continue
            try:
                dates[key] = fields.Date.to_date(str(value).strip())
            except (TypeError, ValueError):
                dates[key] = False
                errors.append(
                    request.env._("The %s is not a valid date (YYYY-MM-DD).", label)
                )
        start, end = dates["from"], dates["to"]
        if start and end:
            if start > end:
                errors.append(
                    request.env._("The start date must be before the end date.")
                )
            elif end - start > timedelta(days=STATEMENT_MAX_DAYS):
                errors.append(
                    request.env._(
                        "The period cannot be longer than %s days.", STATEMENT_MAX_DAYS
                    )
                )
        return start, end, errors

    @http.route(
        "/my/b2b/statement",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_statement(self, date_from=None, date_to=None, **kw):
        dealer = self._b2b_statement_dealer()
        start, end, errors = self._b2b_statement_period(date_from, date_to)
        company = request.env.company
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_statement",
                "b2b_dealer": dealer,
                "b2b_errors": errors,
                "b2b_date_from": fields.Date.to_string(start)
                if start
                else (date_from or ""),
                "b2b_date_to": fields.Date.to_string(end) if end else (date_to or ""),
                "b2b_statement": False,
                "b2b_currency": company.currency_id,
            }
        )
        if not errors:
            # sudo: the statement of the user's own dealer (finance or admin
            # role checked above); it reads the journal items in SQL.
            values["b2b_statement"] = dealer.sudo()._b2b_credit_statement(
                start, end, company
            )
            values["b2b_pdf_url"] = "/my/b2b/statement/pdf?" + url_encode(
                {
                    "date_from": values["b2b_date_from"],
                    "date_to": values["b2b_date_to"],
                }
            )
        return request.render("b2b_portal_credit.portal_my_b2b_statement", values)

    @http.route(
        "/my/b2b/statement/pdf",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_statement_pdf(self, date_from=None, date_to=None, **kw):
        dealer = self._b2b_statement_dealer()
        start, end, errors = self._b2b_statement_period(date_from, date_to)
        if errors:
            # The page shows what is wrong with the period.
            return request.redirect(
                "/my/b2b/statement?"
                + url_encode({"date_from": date_from or "", "date_to": date_to or ""})
            )
        company = request.env.company
        # sudo: rendering the statement of the user's own dealer (role checked
        # above); the report reads the dealer and its journal items.
        content, _fmt = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(company)
            ._render_qweb_pdf(
                STATEMENT_REPORT,
                dealer.ids,
                data={
                    "date_from": fields.Date.to_string(start),
                    "date_to": fields.Date.to_string(end),
                    "company_id": company.id,
                },
            )
        )
        filename = request.env._(
            "Statement %(dealer)s %(start)s - %(end)s",
            dealer=dealer.sudo().name,
            start=fields.Date.to_string(start),
            end=fields.Date.to_string(end),
        )
        filename = re.sub(r"[^\w\- ]+", "_", filename).strip()
        headers = [
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(f"{filename}.pdf")),
        ]
        return request.make_response(content, headers)
