# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer finance pages of the portal: declared payments (线下付款凭证) and
the monthly statements to confirm (对账确认). Only the dealer's finance and
admin buyers, only their own dealer; the rules are in the models."""

import re

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

from odoo.addons.b2b_portal_credit.controllers.portal import B2bPortalCredit
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.b2b_payment_slip import FINANCE_ROLES

#: records per page of the portal lists
PAGE_SIZE = 20


class B2bFinancePortal(B2bPortalCredit):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _b2b_finance_dealer(self):
        """The dealer of a finance or admin buyer (404 / 403 otherwise)."""
        return self._b2b_check_dealer(role=FINANCE_ROLES)

    def _b2b_is_finance(self):
        user = request.env.user
        return bool(self._b2b_dealer()) and any(
            user._b2b_has_role(code) for code in FINANCE_ROLES
        )

    def _b2b_file_response(self, attachment, filename):
        # sudo: the file of a record the user may read (checked by the caller)
        attachment = attachment.sudo()
        content = attachment.raw or b""
        headers = [
            ("Content-Type", attachment.mimetype or "application/octet-stream"),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(filename)),
            ("X-Content-Type-Options", "nosniff"),
        ]
        return request.make_response(content, headers)

    # ------------------------------------------------------------------
    # Paying to order
    # ------------------------------------------------------------------
    def _b2b_payable_order(self, order_id):
        """The order (sudo) whose shortfall the current user may pay: 404
        for an order the user does not see (another dealer's, a missing
        one), the "not available for your role" page for a buyer of the
        dealer without the right."""
        dealer = self._b2b_check_dealer()
        try:
            order_id = int(order_id)
        except (TypeError, ValueError) as error:
            raise NotFound() from error
        # sudo: the order is bound below to the user's own dealer and to
        # what b2b_portal lets the user see of it (the same domain as its
        # record rules), whoever follows it
        order_sudo = request.env["sale.order"].sudo().browse(order_id).exists()
        user = request.env.user
        if (
            not order_sudo
            or order_sudo._b2b_credit_document_partner() != dealer
            or not order_sudo.filtered_domain(user._b2b_portal_domain("sale.order"))
        ):
            raise NotFound()
        if not order_sudo._b2b_can_pay_shortfall(user):
            codes = FINANCE_ROLES
            if order_sudo.company_id.b2b_finance_purchaser_pay:
                codes += ("purchaser",)
            raise self._b2b_role_forbidden(codes)
        return order_sudo

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if getattr(response, "qcontext", None) is not None and self._b2b_is_finance():
            response.qcontext.update(self._b2b_finance_home_values())
        return response

    def _b2b_finance_home_values(self):
        """The statements waiting for the dealer's answer (one grouped query)."""
        Snapshot = request.env["b2b.statement.snapshot"]
        waiting = Snapshot.search(
            [
                ("dealer_id", "=", self._b2b_dealer().id),
                ("state", "in", ("sent", "overdue")),
            ],
            order="date_from desc",
        )
        return {
            "b2b_finance": True,
            "b2b_statements_waiting": waiting,
        }

    # ------------------------------------------------------------------
    # Payments
    # ------------------------------------------------------------------
    def _b2b_page(self, model, domain, url, page):
        """One page of ``model``'s records of ``domain`` and Odoo's portal
        pager over them (one count, one search)."""
        Model = request.env[model]
        pager = portal_pager(
            url=url,
            total=Model.search_count(domain),
            page=page,
            step=PAGE_SIZE,
        )
        records = Model.search(domain, limit=PAGE_SIZE, offset=pager["offset"])
        return records, pager

    @http.route(
        ["/my/b2b/payments", "/my/b2b/payments/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_payments(self, page=1, declared=None, **kw):
        dealer = self._b2b_finance_dealer()
        slips, pager = self._b2b_page(
            "b2b.payment.slip",
            [("dealer_id", "=", dealer.id)],
            "/my/b2b/payments",
            page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_payments",
                "pager": pager,
                "b2b_slips": slips,
                "b2b_declared": request.env["b2b.payment.slip"]
                .browse(int(declared) if declared and str(declared).isdigit() else [])
                .exists()
                & slips,
            }
        )
        return request.render("b2b_finance_portal.portal_my_b2b_payments", values)

    def _b2b_payment_form_values(self, dealer, errors=None, form=None, order_sudo=None):
        Slip = request.env["b2b.payment.slip"]
        invoices = request.env["account.move"]
        if order_sudo is None:
            # sudo: the dealer's own open invoices (the finance role reads
            # them anyway through b2b_portal's rules), in one search
            invoices = invoices.sudo().search(
                Slip._b2b_payable_invoices_domain(dealer, request.env.company),
                order="invoice_date_due, id",
                limit=200,
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_order_pay_offline"
                if order_sudo is not None
                else "b2b_payment_new",
                "b2b_invoices": invoices,
                "b2b_order": order_sudo,
                "b2b_errors": errors or [],
                "b2b_form": form or {},
                "b2b_currency": request.env.company.currency_id,
                "b2b_bank_accounts": (
                    order_sudo.company_id if order_sudo else request.env.company
                )._b2b_transfer_bank_accounts(),
                "b2b_max_size_mb": Slip._b2b_max_file_size() // (1024 * 1024),
            }
        )
        return values

    @http.route(
        "/my/b2b/payments/new", type="http", auth="user", website=True, methods=["GET"]
    )
    def b2b_portal_payment_new(self, order_id=None, kind=None, **kw):
        order_sudo = self._b2b_payable_order(order_id) if order_id else None
        if order_sudo is not None:
            amounts = order_sudo._b2b_payment_amounts()
            if not amounts:
                # nothing to pay, or a declared transfer waits for finance
                return request.redirect(order_sudo.get_portal_url())
            currency = order_sudo.company_id.currency_id
            amount = amounts.get(kind) or amounts["shortfall"]
            # the form's number, with the currency's decimals
            amount = f"{amount:.{currency.decimal_places}f}"
            return request.render(
                "b2b_finance_portal.portal_my_b2b_payment_new",
                self._b2b_payment_form_values(
                    order_sudo._b2b_credit_document_partner(),
                    form={"amount": amount, "order_id": order_sudo.id},
                    order_sudo=order_sudo,
                ),
            )
        dealer = self._b2b_finance_dealer()
        return request.render(
            "b2b_finance_portal.portal_my_b2b_payment_new",
            self._b2b_payment_form_values(dealer),
        )

    @http.route(
        "/my/b2b/payments/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_portal_payment_declare(self, **post):
        form = request.httprequest.form
        order_sudo = (
            self._b2b_payable_order(form.get("order_id"))
            if form.get("order_id")
            else None
        )
        if order_sudo is not None:
            dealer = order_sudo._b2b_credit_document_partner()
        else:
            dealer = self._b2b_finance_dealer()
        Slip = request.env["b2b.payment.slip"]
        values = {
            "amount": form.get("amount"),
            "date": form.get("date"),
            "bank_reference": form.get("bank_reference"),
            "payer_account": form.get("payer_account"),
            "invoice_ids": form.getlist("invoice_ids") if order_sudo is None else [],
            "order_id": order_sudo.id if order_sudo is not None else False,
        }
        upload = request.httprequest.files.get("slip_file")
        filename = upload.filename if upload else ""
        # one byte more than allowed: enough to refuse a larger file
        content = upload.read(Slip._b2b_max_file_size() + 1) if upload else b""
        try:
            slip = Slip._b2b_declare(values, filename, content)
        except UserError as error:
            return request.render(
                "b2b_finance_portal.portal_my_b2b_payment_new",
                self._b2b_payment_form_values(
                    dealer,
                    errors=str(error).split("\n"),
                    form=values,
                    order_sudo=order_sudo,
                ),
            )
        if order_sudo is not None:
            return request.redirect(
                order_sudo.get_portal_url(query_string="&b2b_payment=declared")
            )
        return request.redirect(f"/my/b2b/payments?declared={slip.id}")

    @http.route(
        "/my/b2b/payments/<int:slip_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_payment(self, slip_id, **kw):
        self._b2b_finance_dealer()
        slip = self._b2b_portal_record("b2b.payment.slip", slip_id)
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "b2b_payment", "b2b_slip": slip})
        return request.render("b2b_finance_portal.portal_my_b2b_payment", values)

    @http.route(
        "/my/b2b/payments/<int:slip_id>/file",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_payment_file(self, slip_id, **kw):
        self._b2b_finance_dealer()
        slip = self._b2b_portal_record("b2b.payment.slip", slip_id)
        if not slip.attachment_id:
            raise NotFound()
        return self._b2b_file_response(
            slip.attachment_id, slip.sudo().attachment_id.name
        )

    # ------------------------------------------------------------------
    # Statements
    # ------------------------------------------------------------------
    @http.route(
        ["/my/b2b/statements", "/my/b2b/statements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_statements(self, page=1, **kw):
        dealer = self._b2b_finance_dealer()
        snapshots, pager = self._b2b_page(
            "b2b.statement.snapshot",
            [("dealer_id", "=", dealer.id)],
            "/my/b2b/statements",
            page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {"page_name": "b2b_statements", "pager": pager, "b2b_snapshots": snapshots}
        )
        return request.render("b2b_finance_portal.portal_my_b2b_statements", values)

    @http.route(
        "/my/b2b/statements/<int:snapshot_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_statement_snapshot(self, snapshot_id, error=None, **kw):
        self._b2b_finance_dealer()
        snapshot = self._b2b_portal_record("b2b.statement.snapshot", snapshot_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_statement_snapshot",
                "b2b_snapshot": snapshot,
                "b2b_error": request.session.pop("b2b_finance_error", None),
                "object": snapshot,
            }
        )
        return request.render(
            "b2b_finance_portal.portal_my_b2b_statement_snapshot", values
        )

    @http.route(
        "/my/b2b/statements/<int:snapshot_id>/pdf",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_portal_statement_snapshot_pdf(self, snapshot_id, **kw):
        self._b2b_finance_dealer()
        snapshot = self._b2b_portal_record("b2b.statement.snapshot", snapshot_id)
        if not snapshot.attachment_id:
            raise NotFound()
        filename = re.sub(r"[^\w\- ]+", "_", snapshot.name).strip() + ".pdf"
        return self._b2b_file_response(snapshot.attachment_id, filename)

    def _b2b_statement_answer(self, snapshot_id, method, *args):
        self._b2b_finance_dealer()
        snapshot = self._b2b_portal_record("b2b.statement.snapshot", snapshot_id)
        try:
            getattr(snapshot, method)(*args)
        except UserError as error:
            request.session["b2b_finance_error"] = str(error)
        return request.redirect(f"/my/b2b/statements/{snapshot.id}")

    @http.route(
        "/my/b2b/statements/<int:snapshot_id>/confirm",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_portal_statement_confirm(self, snapshot_id, **post):
        return self._b2b_statement_answer(snapshot_id, "_b2b_portal_confirm")

    @http.route(
        "/my/b2b/statements/<int:snapshot_id>/dispute",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_portal_statement_dispute(self, snapshot_id, **post):
        form = request.httprequest.form
        return self._b2b_statement_answer(
            snapshot_id,
            "_b2b_portal_dispute",
            form.getlist("line_ids"),
            form.get("comment"),
        )
