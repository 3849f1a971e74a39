# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: invoice profiles and invoice requests (开票申请). Only the
dealer's finance and admin buyers, only their own dealer; the rules are in
the models."""

import base64
import re

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import content_disposition, request
from odoo.tools.misc import formatLang

from odoo.addons.b2b_portal.controllers.portal import B2bPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.b2b_invoice_profile import FINANCE_ROLES

QTY_KEY_RE = re.compile(r"^qty_(\d{1,12})$")
#: the most delivered lines the request form lists
MAX_FORM_LINES = 200
OPEN_STATES = ("requested", "processing")


class B2bInvoiceRequestPortal(B2bPortal):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _b2b_invoice_dealer(self):
        """The dealer of a finance or admin buyer (404 / 403 otherwise; 404
        when the company did not switch invoice requests on)."""
        if not request.env.company.b2b_invoice_request:
            raise NotFound()
        return self._b2b_check_dealer(role=FINANCE_ROLES)

    def _b2b_is_invoice_finance(self):
        user = request.env.user
        if not request.env.company.b2b_invoice_request:
            return False
        return bool(self._b2b_dealer()) and any(
            user._b2b_has_role(code) for code in FINANCE_ROLES
        )

    def _b2b_invoice_requests_domain(self, dealer):
        # the same expression as the buyers' record rule, in the company
        return [
            ("dealer_id", "=", dealer.id),
            ("company_id", "=", request.env.company.id),
        ]

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "b2b_invoice_request_count" in counters:
            Request = request.env["b2b.invoice.request"]
            dealer = self._b2b_dealer()
            values["b2b_invoice_request_count"] = (
                Request.search_count(
                    self._b2b_invoice_requests_domain(dealer)
                    + [("state", "in", OPEN_STATES)]
                )
                if dealer
                and request.env.company.b2b_invoice_request
                and Request.has_access("read")
                else 0
            )
        return values

    def _b2b_home_values(self):
        values = super()._b2b_home_values()
        values["b2b_invoice_finance"] = self._b2b_is_invoice_finance()
        return values

    # ------------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------------
    @http.route(
        ["/my/b2b/invoice_requests", "/my/b2b/invoice_requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_invoice_requests(self, page=1, requested=None, **kw):
        dealer = self._b2b_invoice_dealer()
        Request = request.env["b2b.invoice.request"]
        domain = self._b2b_invoice_requests_domain(dealer)
        pager = portal_pager(
            url="/my/b2b/invoice_requests",
            total=Request.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        requests = Request.search(
            domain, limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_invoice_requests",
                "b2b_requests": requests,
                "pager": pager,
                "b2b_requested": Request.browse(
                    int(requested) if requested and str(requested).isdigit() else []
                ).exists()
                & requests,
            }
        )
        return request.render("b2b_invoice_request.portal_my_invoice_requests", values)

    @staticmethod
    def _b2b_form_quantities(lines, form):
        """``{line id: quantity}`` shown in the form: the posted quantity
        when it is a number (the form shown again after an error), else the
        requestable quantity."""
        quantities = {}
        for line in lines:
            try:
                quantity = float(str(form.get(f"qty_{line.id}")).strip())
            except (TypeError, ValueError):
                quantity = -1.0
            if not 0 <= quantity < float("inf"):
                quantity = line.b2b_invoice_requestable_qty
            quantities[line.id] = quantity
        return quantities

    @staticmethod
    def _b2b_display_amounts(figures, currencies):
        """The figures with their amounts formatted in their currency."""
        currency = currencies[figures["currency_id"]]
        env = request.env
        return {
            **figures,
            "price_unit_display": formatLang(
                env, figures["price_unit"], dp="Product Price", currency_obj=currency
            ),
            "untaxed_display": formatLang(
                env, figures["untaxed"], currency_obj=currency
            ),
            "total_display": formatLang(env, figures["total"], currency_obj=currency),
        }

    def _b2b_request_form_values(self, dealer, errors=None, form=None):
        Request = request.env["b2b.invoice.request"]
        company = request.env.company
        lines = Request._b2b_requestable_lines(dealer, company, limit=MAX_FORM_LINES)
        # the model's figures of each line at the quantity shown (the same
        # method gives the request's amounts)
        amounts = lines._b2b_invoice_request_amounts(
            self._b2b_form_quantities(lines, form or {})
        )
        currencies = {currency.id: currency for currency in lines.order_id.currency_id}
        amounts = {
            line_id: self._b2b_display_amounts(figures, currencies)
            for line_id, figures in amounts.items()
        }
        profiles = request.env["b2b.invoice.profile"]._b2b_dealer_profiles(dealer)
        orders = []
        for line in lines:
            if not orders or orders[-1][0] != line.order_id:
                orders.append((line.order_id, []))
            orders[-1][1].append(line)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_invoice_request_new",
                "b2b_orders": orders,
                "b2b_amounts": amounts,
                "b2b_profiles": profiles,
                "b2b_errors": errors or [],
                "b2b_form": form or {},
                "b2b_max_lines": MAX_FORM_LINES,
                "b2b_truncated": len(lines) >= MAX_FORM_LINES,
            }
        )
        return values

    @http.route(
        "/my/b2b/invoice_requests/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_invoice_request_new(self, **kw):
        dealer = self._b2b_invoice_dealer()
        return request.render(
            "b2b_invoice_request.portal_my_invoice_request_new",
            self._b2b_request_form_values(dealer),
        )

    @http.route(
        "/my/b2b/invoice_requests/amounts",
        type="json",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_invoice_request_amounts(self, quantities=None, **kw):
        """The model's figures of the form's lines at the typed quantities
        (the form's script shows them and sums the ticked ones)."""
        self._b2b_invoice_dealer()
        try:
            amounts = request.env["b2b.invoice.request"]._b2b_portal_amounts(
                quantities or {}
            )
        except UserError as error:
            return {"error": str(error)}
        # sudo: the currencies of the dealer's own lines, name and format only
        currencies = (
            request.env["res.currency"]
            .sudo()
            .browse({figures["currency_id"] for figures in amounts.values()})
        )
        currencies = {currency.id: currency for currency in currencies}
        return {
            "amounts": {
                str(line_id): self._b2b_display_amounts(figures, currencies)
                for line_id, figures in amounts.items()
            }
        }

    @staticmethod
    def _b2b_request_quantities(form):
        """``{line id: quantity string}`` of the ticked lines; a ticked order
        takes all its lines at their quantity."""
        orders = set(form.getlist("order_ids"))
        quantities = {}
        for key, value in form.items():
            match = QTY_KEY_RE.match(key)
            if not match:
                continue
            line_id = match.group(1)
            ticked = (
                form.get(f"line_{line_id}") or form.get(f"order_of_{line_id}") in orders
            )
            if ticked:
                quantities[line_id] = value
        return quantities

    @http.route(
        "/my/b2b/invoice_requests/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_invoice_request_create(self, **post):
        dealer = self._b2b_invoice_dealer()
        form = request.httprequest.form
        try:
            created = request.env["b2b.invoice.request"]._b2b_portal_request(
                form.get("profile_id"),
                self._b2b_request_quantities(form),
                form.get("note"),
            )
        except UserError as error:
            return request.render(
                "b2b_invoice_request.portal_my_invoice_request_new",
                self._b2b_request_form_values(
                    dealer, errors=str(error).split("\n"), form=form.to_dict()
                ),
            )
        return request.redirect(f"/my/b2b/invoice_requests?requested={created.id}")

    @http.route(
        "/my/b2b/invoice_requests/<int:invoice_request_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_invoice_request(self, invoice_request_id, **kw):
        self._b2b_invoice_dealer()
        invoice_request = self._b2b_portal_record(
            "b2b.invoice.request", invoice_request_id
        )
        # sudo: the token of the request's portal thread (posting messages)
        token = invoice_request.sudo()._portal_ensure_token()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_invoice_request",
                "b2b_request": invoice_request,
                # sudo: the invoices of the dealer's own request, names and
                # portal links only
                "b2b_invoices": invoice_request.sudo().invoice_ids.filtered(
                    lambda move: move.state == "posted"
                ),
                # sudo: the lines of the dealer's own request (checked above),
                # with their orders and products in one prefetch
                "b2b_lines": invoice_request.sudo().line_ids,
                # sudo + bin_size: whether the e-invoice is there, not its bytes
                "b2b_has_file": bool(
                    invoice_request.sudo().with_context(bin_size=True).einvoice_file
                ),
                "object": invoice_request,
                "token": token,
            }
        )
        return request.render("b2b_invoice_request.portal_my_invoice_request", values)

    @http.route(
        "/my/b2b/invoice_requests/<int:invoice_request_id>/file",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_invoice_request_file(self, invoice_request_id, **kw):
        self._b2b_invoice_dealer()
        invoice_request = self._b2b_portal_record(
            "b2b.invoice.request", invoice_request_id
        )
        # sudo: the e-invoice of a request the user may read (checked above),
        # shown once issued
        request_sudo = invoice_request.sudo()
        if request_sudo.state != "issued" or not request_sudo.einvoice_file:
            raise NotFound()
        content = base64.b64decode(request_sudo.einvoice_file)
        filename = re.sub(r"[^\w\- ]+", "_", request_sudo.name).strip() + ".pdf"
        headers = [
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(filename)),
            ("X-Content-Type-Options", "nosniff"),
        ]
        return request.make_response(content, headers)

    # ------------------------------------------------------------------
    # Profiles
    # ------------------------------------------------------------------
    def _b2b_profile_values(self, dealer, profile=None, errors=None, form=None):
        Profile = request.env["b2b.invoice.profile"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_invoice_profiles",
                "b2b_profiles": Profile._b2b_dealer_profiles(dealer),
                "b2b_profile": profile or Profile,
                "b2b_errors": errors or [],
                "b2b_form": form,
            }
        )
        return values

    @http.route(
        "/my/b2b/invoice_profiles",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_invoice_profiles(self, edit=None, saved=None, **kw):
        dealer = self._b2b_invoice_dealer()
        profile = None
        if edit and str(edit).isdigit():
            profile = self._b2b_portal_record("b2b.invoice.profile", int(edit))
        values = self._b2b_profile_values(dealer, profile)
        values["b2b_saved"] = bool(saved)
        return request.render("b2b_invoice_request.portal_my_invoice_profiles", values)

    @http.route(
        "/my/b2b/invoice_profiles/save",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_invoice_profile_save(self, **post):
        dealer = self._b2b_invoice_dealer()
        form = request.httprequest.form
        profile = request.env["b2b.invoice.profile"]
        profile_id = form.get("profile_id")
        if profile_id:
            if not str(profile_id).isdigit():
                raise NotFound()
            profile = self._b2b_portal_record("b2b.invoice.profile", int(profile_id))
        try:
            with request.env.cr.savepoint():
                profile._b2b_portal_save(form)
        except (UserError, ValidationError) as error:
            return request.render(
                "b2b_invoice_request.portal_my_invoice_profiles",
                self._b2b_profile_values(
                    dealer, profile, errors=str(error).split("\n"), form=form.to_dict()
                ),
            )
        return request.redirect("/my/b2b/invoice_profiles?saved=1")

    @http.route(
        "/my/b2b/invoice_profiles/<int:profile_id>/archive",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_invoice_profile_archive(self, profile_id, **post):
        self._b2b_invoice_dealer()
        profile = self._b2b_portal_record("b2b.invoice.profile", profile_id)
        profile.write({"active": False, "is_default": False})
        return request.redirect("/my/b2b/invoice_profiles")
