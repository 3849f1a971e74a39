# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: the base controller (dealer and role helpers, home,
Odoo's order and invoice lists scoped like the record rules, the order page).
Each page family extends it in a file of its own (catalogue, quick order,
orders, lists, deliveries, team), as website_sale splits its controllers."""

import re

from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import CustomerPortal

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROW_KEY_RE = re.compile(r"^sku_(\d{1,5})$")

TEAM_ROLE_CODES = ("admin", "purchaser", "approver", "finance")


class B2bPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _b2b_dealer(self):
        """The dealer of the current user when it is a dealer buyer, or empty."""
        user = request.env.user
        if not user.share or not user.b2b_role_ids:
            return request.env["res.partner"]
        return user._b2b_dealer()

    def _b2b_check_dealer(self, role=None):
        """The dealer of the current buyer, for the routes of the workspace.

        :param role: code of the buyer role the page needs, or a tuple of
            codes (any of them), or None for every buyer of the dealer.

        Everybody who is not a buyer of a dealer gets a 404, as for a page
        that does not exist. A buyer of the dealer without the role gets the
        page "not available for your role" (403): it names the roles the
        page needs and nothing of the page, so it reveals nothing a 404
        would hide (routes of records check the role before the record).
        """
        dealer = self._b2b_dealer()
        if not dealer:
            raise NotFound()
        if role:
            codes = (role,) if isinstance(role, str) else tuple(role)
            user = request.env.user
            if not any(user._b2b_has_role(code) for code in codes):
                raise self._b2b_role_forbidden(codes)
        return dealer

    def _b2b_portal_record(self, model, record_id):
        """``model``'s record ``record_id`` as the current user, or a 404:
        another dealer's id, a missing one and a record the user's role may
        not read all answer the same, so that an id reveals nothing. The
        record pages of the workspace's modules (payment slips, statements,
        invoice requests, agreements) use it."""
        record = request.env[model].browse(record_id)
        try:
            record.check_access("read")
            record = record.exists()
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        if not record:
            raise NotFound()
        return record

    def _b2b_role_forbidden(self, codes):
        """A 403 whose response is the portal page "not available for your
        role" (Odoo serves an exception's ``error_response`` as it is)."""
        if request.dispatcher.routing_type != "http":
            # JSON routes (typeahead, prices as typed): Odoo's JSON-RPC error,
            # no page to render
            return AccessError(
                request.env._("This page is not available for your role.")
            )
        # sudo: the names of the buyer roles, configuration data
        roles = request.env["b2b.buyer.role"].sudo().search([("code", "in", codes)])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_role_denied",
                "b2b_required_roles": roles,
                "b2b_user_roles": request.env.user.b2b_role_ids,
            }
        )
        response = request.render(
            "b2b_portal.portal_b2b_role_denied", values, status=403
        )
        response.flatten()
        # what Odoo does to the responses it serves (session, headers)
        request.env["ir.http"]._post_dispatch(response)
        error = Forbidden()
        error.error_response = response
        return error

    def _b2b_can_buy(self):
        user = request.env.user
        return any(user._b2b_has_role(code) for code in ("purchaser", "admin"))

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _b2b_open_orders_domain(self):
        return request.env.user._b2b_portal_domain("sale.order") + [
            ("state", "=", "sale"),
            ("delivery_status", "!=", "full"),
        ]

    def _b2b_deliveries_domain(self):
        return request.env.user._b2b_portal_domain("stock.picking") + [
            ("picking_type_code", "=", "outgoing"),
        ]

    def _b2b_deliveries_on_the_way_domain(self):
        return self._b2b_deliveries_domain() + [
            ("state", "not in", ("draft", "done", "cancel")),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not self._b2b_dealer():
            return values
        SaleOrder = request.env["sale.order"]
        Picking = request.env["stock.picking"]
        if "b2b_open_order_count" in counters:
            values["b2b_open_order_count"] = (
                SaleOrder.search_count(self._b2b_open_orders_domain())
                if SaleOrder.has_access("read")
                else 0
            )
        if "b2b_delivery_count" in counters:
            values["b2b_delivery_count"] = (
                Picking.search_count(self._b2b_deliveries_on_the_way_domain())
                if Picking.has_access("read")
                else 0
            )
        return values

    def _b2b_home_values(self):
        # the open orders and deliveries cards are counted by /my/counters,
        # loaded asynchronously like Odoo's own home counters
        dealer = self._b2b_dealer()
        return {
            # sudo: the dealer's own tier, read-only display
            "b2b_dealer": dealer.sudo(),
            "b2b_tier": dealer.sudo().b2b_tier_id,
            "b2b_can_buy": self._b2b_can_buy(),
            "b2b_is_admin": request.env.user._b2b_has_role("admin"),
        }

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if self._b2b_dealer() and hasattr(response, "qcontext"):
            response.qcontext.update(self._b2b_home_values())
        return response

    # ------------------------------------------------------------------
    # The quick order page, rendered by quick order, reorder and lists
    # ------------------------------------------------------------------
    def _b2b_quick_order_values(self, **values):
        result = self._prepare_portal_layout_values()
        result.update(
            {
                "page_name": "b2b_quick_order",
                "validation": None,
                "error": None,
                "messages": [],
                "max_rows": request.env["b2b.quick.order"]._b2b_max_rows(),
                "max_size_kb": request.env["b2b.quick.order"]._b2b_max_file_size()
                // 1024,
                # the answer of a "notify me" asked from the quick order
                "b2b_alert_message": request.session.pop(
                    "b2b_stock_alert_message", None
                ),
            }
        )
        result.update(values)
        return result

    def _b2b_check_buyer(self):
        """The dealer of a buyer who may order (purchaser or admin)."""
        return self._b2b_check_dealer(role=("purchaser", "admin"))

    def _b2b_render_rows(self, rows):
        try:
            validation = request.env["b2b.quick.order"]._b2b_validate(rows)
        except UserError as error:
            return request.render(
                "b2b_portal.portal_my_quick_order",
                self._b2b_quick_order_values(error=str(error)),
            )
        return request.render(
            "b2b_portal.portal_my_quick_order",
            self._b2b_quick_order_values(validation=validation),
        )

    # ------------------------------------------------------------------
    # Orders and invoices of Odoo's portal, scoped like the record rules
    # ------------------------------------------------------------------
    def _prepare_quotations_domain(self, partner):
        if not self._b2b_dealer():
            return super()._prepare_quotations_domain(partner)
        # the dealer's drafts (quick orders, reorders) are quotations too
        return request.env.user._b2b_portal_domain("sale.order") + [
            ("state", "in", ("draft", "sent")),
        ]

    def _prepare_orders_domain(self, partner):
        if not self._b2b_dealer():
            return super()._prepare_orders_domain(partner)
        return request.env.user._b2b_portal_domain("sale.order") + [
            ("state", "=", "sale"),
        ]

    def _get_invoices_domain(self, m_type=None):
        domain = super()._get_invoices_domain(m_type=m_type)
        if not self._b2b_dealer():
            return domain
        return expression.AND(
            [domain, request.env.user._b2b_portal_domain("account.move")]
        )

    @http.route()
    def portal_order_page(self, order_id, report_type=None, access_token=None, **kw):
        response = super().portal_order_page(
            order_id, report_type=report_type, access_token=access_token, **kw
        )
        qcontext = getattr(response, "qcontext", None)
        if qcontext is not None and "sale_order" in qcontext and self._b2b_dealer():
            qcontext.update(
                {
                    "b2b_buyer": self._b2b_can_buy(),
                    "b2b_submit": kw.get("b2b_submit")
                    if kw.get("b2b_submit")
                    in ("confirmed", "waiting", "refused", "saved", "invalid")
                    else None,
                    "b2b_error": request.session.pop("b2b_portal_error", None),
                }
            )
        return response
